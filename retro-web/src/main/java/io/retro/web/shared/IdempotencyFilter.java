package io.retro.web.shared;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import org.reactivestreams.Publisher;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.http.server.reactive.ServerHttpResponseDecorator;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * {@code Idempotency-Key} on any POST to the API: a repeat of a request with the same key and body
 * gets the first response again, and nothing runs twice. Keys are scoped per user. The same key with
 * another body is a conflict. A failure on the server's side releases the key for a retry.
 */
@Component
@Order(0) // after Spring Security's filter chain, so the caller is known
class IdempotencyFilter implements WebFilter {

    static final String HEADER = "Idempotency-Key";
    private static final int MAX_KEY_LENGTH = 200;

    private final IdempotencyRecords records;
    private final ProblemWriter problems;

    private final int maxBodyBytes;

    IdempotencyFilter(IdempotencyRecords records, ObjectMapper objectMapper,
            @Value("${spring.codec.max-in-memory-size:256KB}") DataSize maxBody) {
        this.records = records;
        this.problems = new ProblemWriter(objectMapper);
        this.maxBodyBytes = (int) maxBody.toBytes();
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String key = exchange.getRequest().getHeaders().getFirst(HEADER);
        if (key == null || exchange.getRequest().getMethod() != HttpMethod.POST
                || !exchange.getRequest().getPath().value().startsWith("/api/")) {
            return chain.filter(exchange);
        }
        if (key.isBlank() || key.length() > MAX_KEY_LENGTH) {
            return problems.write(exchange, HttpStatus.BAD_REQUEST,
                    HEADER + " must be 1 to " + MAX_KEY_LENGTH + " characters.");
        }
        return exchange.getPrincipal()
                .map(principal -> Optional.of(principal.getName()))
                .defaultIfEmpty(Optional.empty())
                .flatMap(user -> user.isEmpty()
                        ? chain.filter(exchange)
                        : DataBufferUtils.join(exchange.getRequest().getBody(), maxBodyBytes)
                                .map(IdempotencyFilter::bytesOf)
                                .defaultIfEmpty(new byte[0])
                                .flatMap(body -> handle(exchange, chain, user.get() + ":" + key, body))
                                .onErrorResume(DataBufferLimitException.class, e ->
                                        problems.write(exchange, HttpStatus.PAYLOAD_TOO_LARGE, "The request body is too large.")));
    }

    private Mono<Void> handle(ServerWebExchange exchange, WebFilterChain chain, String scopedKey, byte[] body) {
        String hash = hash(exchange.getRequest().getPath().value(), body);
        return Mono.fromCallable(() -> records.claim(scopedKey, hash))
                .subscribeOn(Schedulers.boundedElastic())
                .flatMap(earlier -> earlier.isPresent()
                        ? replay(exchange, earlier.get(), hash)
                        : firstRun(exchange, chain, scopedKey, hash, body));
    }

    private Mono<Void> firstRun(ServerWebExchange exchange, WebFilterChain chain, String key, String hash, byte[] body) {
        ServerHttpResponse original = exchange.getResponse();
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        ServerHttpResponseDecorator capturing = new ServerHttpResponseDecorator(original) {
            @Override
            public Mono<Void> writeWith(Publisher<? extends DataBuffer> content) {
                return DataBufferUtils.join(Flux.from(content)).flatMap(buffer -> {
                    byte[] bytes = bytesOf(buffer);
                    captured.writeBytes(bytes);
                    return super.writeWith(Mono.just(original.bufferFactory().wrap(bytes)));
                });
            }
        };
        ServerHttpRequestDecorator replayableBody = new ServerHttpRequestDecorator(exchange.getRequest()) {
            @Override
            public Flux<DataBuffer> getBody() {
                return Flux.defer(() -> Flux.just(original.bufferFactory().wrap(body)));
            }
        };
        ServerWebExchange decorated = exchange.mutate().request(replayableBody).response(capturing).build();
        // Recorded before the response leaves, so that a client repeating the request as soon as it
        // has the answer finds the answer, not a request still running.
        original.beforeCommit(() -> remember(key, hash, original, captured.toByteArray()));
        return chain.filter(decorated)
                .onErrorResume(error -> Mono.fromRunnable(() -> records.release(key, hash))
                        .subscribeOn(Schedulers.boundedElastic())
                        .then(Mono.error(error)));
    }

    private Mono<Void> remember(String key, String hash, ServerHttpResponse response, byte[] body) {
        HttpStatusCode status = response.getStatusCode() == null ? HttpStatus.OK : response.getStatusCode();
        HttpHeaders headers = response.getHeaders();
        return Mono.fromRunnable(() -> {
                    if (status.is5xxServerError()) {
                        records.release(key, hash);
                    } else {
                        MediaType contentType = headers.getContentType();
                        records.complete(key, status.value(), headers.getFirst(HttpHeaders.LOCATION),
                                contentType == null ? null : contentType.toString(), body);
                    }
                })
                .subscribeOn(Schedulers.boundedElastic())
                .then();
    }

    private Mono<Void> replay(ServerWebExchange exchange, IdempotencyRecords.Earlier earlier, String hash) {
        if (!earlier.requestHash().equals(hash)) {
            return problems.write(exchange, HttpStatus.CONFLICT,
                    "This " + HEADER + " was used before for a different request. Use a new key for a new request.");
        }
        if (earlier.inProgress()) {
            return problems.write(exchange, HttpStatus.CONFLICT,
                    "The first request with this " + HEADER + " is still running. Try again in a moment.");
        }
        ServerHttpResponse response = exchange.getResponse();
        response.setStatusCode(HttpStatusCode.valueOf(earlier.status()));
        response.getHeaders().set("Idempotent-Replayed", "true");
        if (earlier.location() != null) {
            response.getHeaders().set(HttpHeaders.LOCATION, earlier.location());
        }
        if (earlier.contentType() != null) {
            response.getHeaders().set(HttpHeaders.CONTENT_TYPE, earlier.contentType());
        }
        if (earlier.body().length == 0) {
            return response.setComplete();
        }
        return response.writeWith(Mono.just(response.bufferFactory().wrap(earlier.body())));
    }

    private static byte[] bytesOf(DataBuffer buffer) {
        byte[] bytes = new byte[buffer.readableByteCount()];
        buffer.read(bytes);
        DataBufferUtils.release(buffer);
        return bytes;
    }

    private static String hash(String path, byte[] body) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(path.getBytes(StandardCharsets.UTF_8));
            digest.update((byte) 0);
            digest.update(body);
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
