package org.itu.bench;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Starts an application class in this (fresh) JVM, then prints one line and exits:
 * {@code MEASURED startMillis heapUsedBytesAfterGc rssKiB}, the start measured from the JVM's own start to
 * {@code SpringApplication.run} returning (the application ready), the memory after a full collection.
 * {@code java -cp … org.itu.bench.Measured APPLICATION_CLASS [Spring Boot arguments]}
 */
public final class Measured {

    private Measured() {
    }

    public static void main(String[] args) throws Exception {
        Class<?> application = Class.forName(args[0]);
        ConfigurableApplicationContext context = SpringApplication.run(application, Arrays.copyOfRange(args, 1, args.length));
        long started = System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
        Thread.sleep(2000); // what runs just after the start (the job executor's first rounds, the deployment) settles
        System.gc();
        Runtime runtime = Runtime.getRuntime();
        long heap = runtime.totalMemory() - runtime.freeMemory();
        long rss = Files.readAllLines(Path.of("/proc/self/status")).stream().filter(l -> l.startsWith("VmRSS:"))
                .mapToLong(l -> Long.parseLong(l.replaceAll("\\D", ""))).findFirst().orElse(-1);
        System.out.println("MEASURED " + started + " " + heap + " " + rss);
        context.close();
        System.exit(0);
    }
}
