package org.itu.tsb.reply;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.itu.tsb.ConsultationApplication;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An acknowledged reply survives the application being killed (kill -9) a moment later. The application runs in a
 * JVM of its own with its default configuration (the H2 file database under ./data of its working directory).
 */
@Order(1) // first, before the shared test contexts exist (junit-platform.properties)
@Tag("cluster") // a JVM of its own, killed: run with the crash tests by .ci/run (mvn -Pcluster verify), not by mvn test
class ReplyDurabilityTest {

    private static final int REPLIES = 40;

    private final HttpClient http = HttpClient.newHttpClient();
    /** The demo's officer account (the app runs with --consultation.demo=true). */
    private static final String DEMO_OFFICER = "Basic " + java.util.Base64.getEncoder()
            .encodeToString("officer:officer".getBytes(java.nio.charset.StandardCharsets.UTF_8));
    private final ObjectMapper json = new ObjectMapper();

    @TempDir
    Path workDir;

    @Test
    void acknowledgedRepliesSurviveAKilledProcess() throws Exception {
        int port = freePort();
        List<String> states = Files.readAllLines(Path.of("src/main/resources/memberstate/member-states.csv")).stream()
                .skip(1).map(line -> line.substring(0, 3)).limit(REPLIES).toList();

        Process first = start(port, "--consultation.demo=true");
        int acknowledged = 0;
        try {
            awaitUp(first, port);
            for (String state : states) {
                HttpResponse<String> response = post(port, "/api/consultations/1/replies",
                        "{\"memberState\": \"" + state + "\", \"positions\": {\"Q7/17\": \"SUPPORTS\"}}");
                if (response.statusCode() == 201) {
                    acknowledged++;
                }
            }
        } finally {
            first.destroyForcibly().waitFor(); // kill -9, right after the last acknowledgement
        }
        assertThat(acknowledged).isEqualTo(REPLIES);

        Process second = start(port);
        try {
            awaitUp(second, port);
            JsonNode replies = json.readTree(get(port, "/api/consultations/1/replies").body());
            assertThat(replies).as("replies after the restart").hasSize(REPLIES);
        } finally {
            second.destroy();
            second.waitFor();
        }
    }

    private Process start(int port, String... arguments) throws IOException {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new java.util.ArrayList<>(List.of(java,
                // a short-lived server: the quick JIT tier starts it sooner, which is all this test waits for
                "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
                ConsultationApplication.class.getName(), "--server.port=" + port,
                "--consultation.models.root=file:" + new File("").getAbsolutePath() + "/",
                "--camunda.bpm.job-execution.enabled=false",
                "--camunda.bpm.webapp.enabled=false")); // Tasklist and Cockpit play no part here: a quicker start
        command.addAll(List.of(arguments));
        return new ProcessBuilder(command).directory(workDir.toFile())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(workDir.resolve("app.log").toFile()))
                .start();
    }

    private void awaitUp(Process process, int port) throws Exception {
        Instant giveUp = Instant.now().plus(Duration.ofSeconds(90));
        while (Instant.now().isBefore(giveUp)) {
            if (!process.isAlive()) {
                throw new AssertionError("the application stopped: " + Files.readString(workDir.resolve("app.log")));
            }
            try {
                if (get(port, "/api/consultations/1").statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(200);
        }
        throw new AssertionError("the application did not start: " + Files.readString(workDir.resolve("app.log")));
    }

    private HttpResponse<String> post(int port, String path, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", DEMO_OFFICER)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(int port, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).header("Authorization", DEMO_OFFICER).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
