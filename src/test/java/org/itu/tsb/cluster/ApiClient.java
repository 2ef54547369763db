package org.itu.tsb.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.stream.Collectors;

/** The application's API on one node, as the demo's officer ({@code --consultation.demo=true}). */
final class ApiClient {

    private static final String OFFICER = "Basic " + Base64.getEncoder().encodeToString("officer:officer".getBytes(StandardCharsets.UTF_8));
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    /** A request on a busy 2-core machine (two nodes, PostgreSQL and the clients on it) may wait long for a core. */
    private static final Duration TIMEOUT = Duration.ofSeconds(Long.getLong("cluster.request-timeout-seconds", 120));

    private final int port;

    ApiClient(int port) {
        this.port = port;
    }

    HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return HTTP.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> post(String path, String json) throws IOException, InterruptedException {
        return HTTP.send(request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    }

    JsonNode getJson(String path) throws IOException, InterruptedException {
        HttpResponse<String> response = get(path);
        if (response.statusCode() != 200) {
            throw new AssertionError("GET " + path + ": " + response.statusCode() + " " + response.body());
        }
        return JSON.readTree(response.body());
    }

    /** Adopts a consultation of three SG17 Questions; returns its id. */
    long adopt() throws IOException, InterruptedException {
        HttpResponse<String> response = post("/api/consultations", """
                {"circular": "Member State consultation on approval of new and revised Questions of ITU-T Study Group 17",
                 "studyGroup": "SG17", "adoptedBy": "TSAG", "meeting": "Geneva, 26-30 January 2026",
                 "questions": [{"number": "Q7/17", "title": "Secure application services", "kind": "REVISED"},
                               {"number": "Q10/17", "title": "Management of digital identity", "kind": "REVISED"},
                               {"number": "Q16/17", "title": "AI security", "kind": "NEW"}]}""");
        if (response.statusCode() != 201 && response.statusCode() != 200) {
            throw new AssertionError("adopting: " + response.statusCode() + " " + response.body());
        }
        return JSON.readTree(response.body()).get("id").asLong();
    }

    /** Issues the circular with an exact deadline instant, as the API allows (the pages take a day). */
    void open(long id, String circularNumber, Instant deadline) throws IOException, InterruptedException {
        HttpResponse<String> response = post("/api/consultations/" + id + "/open", """
                {"circularNumber": "%s", "deadline": "%s"}""".formatted(circularNumber, deadline));
        if (response.statusCode() != 200) {
            throw new AssertionError("opening: " + response.statusCode() + " " + response.body());
        }
    }

    /** Sends one reply for a Member State, as TSB records it; the answer as it came. */
    HttpResponse<String> reply(long id, String memberState, Map<String, String> positions) throws IOException, InterruptedException {
        String json = positions.entrySet().stream().map(e -> "\"" + e.getKey() + "\": \"" + e.getValue() + "\"")
                .collect(Collectors.joining(", ", "{\"memberState\": \"" + memberState + "\", \"positions\": {", "}}"));
        return post("/api/consultations/" + id + "/replies", json);
    }

    void announce(long id) throws IOException, InterruptedException {
        HttpResponse<String> response = HTTP.send(request("/api/consultations/" + id + "/announce")
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new AssertionError("announcing: " + response.statusCode() + " " + response.body());
        }
    }

    static JsonNode parse(String json) throws IOException {
        return JSON.readTree(json);
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).header("Authorization", OFFICER)
                .timeout(TIMEOUT);
    }
}
