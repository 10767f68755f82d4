package io.retro.web.shared;

import java.net.URI;
import org.springframework.http.ResponseEntity;

/** The body of a 201: the new resource's id, with its address in {@code Location}. */
public record Created(String id) {

    public static ResponseEntity<Created> at(String path, String id) {
        return ResponseEntity.created(URI.create(path + "/" + id)).body(new Created(id));
    }
}
