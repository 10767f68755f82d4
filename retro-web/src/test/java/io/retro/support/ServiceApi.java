package io.retro.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;

/** Retro's REST API over loopback, as one user, for tests and benchmarks that run the service as a process. */
public final class ServiceApi {

    public static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient CLIENT = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    private final String base;
    private final String authorization;

    public ServiceApi(int port, String username, String password) {
        this.base = "http://127.0.0.1:" + port;
        this.authorization = "Basic " + Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    public JsonNode get(String path) {
        return send("GET", path, null, 200);
    }

    public JsonNode post(String path, Object body, int expected) {
        return send("POST", path, body, expected);
    }

    public JsonNode delete(String path, int expected) {
        return send("DELETE", path, null, expected);
    }

    public JsonNode put(String path, Object body, int expected) {
        return send("PUT", path, body, expected);
    }

    /** As the administrator: creates a user whose username is {@code name} with a unique suffix, and returns that username. */
    public String newUser(String name, String password) {
        String username = name + "-" + UUID.randomUUID().toString().substring(0, 8);
        post("/api/v1/users", Map.of("username", username, "password", password, "displayName", name), 201);
        return username;
    }

    public String id(JsonNode created) {
        return created.get("id").asText();
    }

    public HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", authorization).timeout(Duration.ofSeconds(60));
    }

    public static HttpClient client() {
        return CLIENT;
    }

    private JsonNode send(String method, String path, Object body, int expected) {
        try {
            HttpRequest.BodyPublisher publisher = body == null ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body));
            HttpRequest request = request(path).header("Content-Type", "application/json").method(method, publisher).build();
            HttpResponse<String> response = CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != expected) {
                throw new IllegalStateException(method + " " + path + " answered " + response.statusCode() + ": " + response.body());
            }
            return response.body().isEmpty() ? JSON.nullNode() : JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
