package org.itu.bench.bare;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The start-up benchmark's baseline (test code, never shipped): a Camunda Spring Boot starter application with nothing
 * of ours, on the same class path (the same engine, webapps, REST API and libraries), outside {@code org.itu.tsb} so
 * that none of our beans is scanned (nor the other benchmarks' test beans: a package of its own). Started by
 * {@link org.itu.bench.Measured} with our settings' engine and database.
 */
@SpringBootApplication
public class BareCamundaApplication {
}
