package io.retro.web.shared;

/** The id in the path names nothing the caller can see. */
public class NotFoundException extends RuntimeException {

    public NotFoundException(String message) {
        super(message, null, false, false);
    }
}
