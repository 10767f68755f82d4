package io.retro.web.shared;

import io.retro.support.RetroIntegrationTest;
import org.junit.jupiter.api.Test;

/** Each response closes its connection: see {@link HttpServerConfiguration} for why. */
class HttpConnectionsIT extends RetroIntegrationTest {

    @Test
    void pagesAndApiAnswersCloseTheirConnection() {
        web.get().uri("/login").exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals("Connection", "close");
        asAdmin().get().uri("/api/v1/me").exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals("Connection", "close");
    }
}
