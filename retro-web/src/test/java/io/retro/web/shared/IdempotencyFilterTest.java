package io.retro.web.shared;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.util.unit.DataSize;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

class IdempotencyFilterTest {

    private static final String CREATED_BODY = "{\"id\":\"item-1\"}";

    private final MongoServer server = new MongoServer(new MemoryBackend());
    private MongoClient client;
    private IdempotencyFilter filter;

    @BeforeEach
    void start() {
        InetSocketAddress address = server.bind();
        client = MongoClients.create("mongodb://" + address.getHostString() + ":" + address.getPort());
        filter = new IdempotencyFilter(new IdempotencyRecords(client.getDatabase("retro")), new ObjectMapper(),
                DataSize.ofKilobytes(256));
    }

    @AfterEach
    void stop() {
        client.close();
        server.shutdownNow();
    }

    @Test
    void aRepeatSentTheMomentTheFirstAnswerIsOutGetsThatAnswer() {
        AtomicReference<MockServerWebExchange> repeat = new AtomicReference<>();
        WebFilterChain createsThenTheClientRepeats = exchange -> created(exchange).then(Mono.defer(() -> {
            // The client holds the answer once it is written; its repeat arrives while this request winds down.
            repeat.set(post("{\"text\":\"Once\"}"));
            return filter.filter(repeat.get(), IdempotencyFilterTest::created);
        }));

        filter.filter(post("{\"text\":\"Once\"}"), createsThenTheClientRepeats).block();

        assertThat(repeat.get().getResponse().getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(repeat.get().getResponse().getHeaders().getFirst("Idempotent-Replayed")).isEqualTo("true");
        assertThat(repeat.get().getResponse().getBodyAsString().block()).isEqualTo(CREATED_BODY);
    }

    @Test
    void theSameKeyWithAnotherBodyIsAConflict() {
        filter.filter(post("{\"text\":\"Once\"}"), IdempotencyFilterTest::created).block();

        MockServerWebExchange other = post("{\"text\":\"Twice\"}");
        filter.filter(other, IdempotencyFilterTest::created).block();

        assertThat(other.getResponse().getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(other.getResponse().getBodyAsString().block()).contains("different request");
    }

    private static Mono<Void> created(ServerWebExchange exchange) {
        exchange.getResponse().setStatusCode(HttpStatus.CREATED);
        exchange.getResponse().getHeaders().setContentType(MediaType.APPLICATION_JSON);
        return exchange.getResponse().writeWith(Mono.just(
                exchange.getResponse().bufferFactory().wrap(CREATED_BODY.getBytes(StandardCharsets.UTF_8))));
    }

    private static MockServerWebExchange post(String body) {
        return MockServerWebExchange.builder(MockServerHttpRequest.post("/api/v1/retros/retro-1/items")
                        .header(IdempotencyFilter.HEADER, "key-1")
                        .contentType(MediaType.APPLICATION_JSON)
                        .body(body))
                .principal(new TestingAuthenticationToken("alice", null))
                .build();
    }
}
