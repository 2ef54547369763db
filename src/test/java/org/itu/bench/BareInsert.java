package org.itu.bench;

import java.sql.Timestamp;
import java.util.Map;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The benchmarks' floor (test code, never shipped): a bare Spring MVC endpoint under {@code /api} (the same filters,
 * login and JSON reading as the intake) that stores each request with one JDBC insert in the same database. Outside
 * {@code org.itu.tsb}, so that no other test context scans it: only a benchmark that imports it has it.
 */
@TestConfiguration(proxyBeanMethods = false)
public class BareInsert {

    public static final String PATH = "/api/bench/insert";

    /** Registered as a member of the imported configuration. */
    @RestController
    static class Endpoint {
        private final JdbcTemplate jdbc;

        Endpoint(JdbcTemplate jdbc) {
            this.jdbc = jdbc;
        }

        @PostMapping(PATH)
        @ResponseStatus(HttpStatus.CREATED)
        Map<String, Object> insert(@RequestBody Map<String, Object> reply) {
            jdbc.update("insert into bench_insert (member_state, body, received_at) values (?, ?, ?)",
                    String.valueOf(reply.get("memberState")), reply.toString(), new Timestamp(System.currentTimeMillis()));
            return Map.of("stored", true);
        }
    }
}
