package org.itu.tsb.web.page;

import static org.assertj.core.api.Assertions.assertThat;
import static org.itu.bench.BenchReport.line;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import javax.sql.DataSource;
import org.itu.bench.BenchReport;
import org.itu.tsb.Sg17;
import org.itu.tsb.TestAccounts;
import org.itu.tsb.consultation.ConsultationService;
import org.itu.tsb.consultation.Question;
import org.itu.tsb.consultation.QuestionKind;
import org.itu.tsb.memberstate.MemberState;
import org.itu.tsb.memberstate.MemberStateRegistry;
import org.itu.tsb.reply.Channel;
import org.itu.tsb.reply.Position;
import org.itu.tsb.reply.ReplyIntake;
import org.itu.tsb.reply.ReplySource;
import org.itu.tsb.reply.ReplySubmission;
import org.itu.tsb.tally.TallyService;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The application at the size of a busy year: 100 open consultations of 10 Questions each, every Member State having
 * replied to each (19 400 replies, each stored by {@link ReplyIntake#submit}, the service every channel uses), and one
 * more, tallied, under review. Times the tally of one consultation and the officers' pages ({@code /officer/consultations},
 * a consultation's page {@code /officer/consultations/{id}}, and the result of the one under review,
 * {@code /officer/consultations/{id}/result}, rendered in full through MockMvc, security included), beside the same
 * measures in the same run at {@value #SMALL} open consultations. Goals: a tally under 50 ms, each page under 200 ms
 * (the slowest of {@value #PAGE_REPEATS}). {@code mvn -Pbench test -Dtest=ScaleBenchmark}; the report on stdout and in
 * {@value #REPORT_FILE}. It asserts only that every page answered 200 and every reply was stored.
 * <p>
 * The fill stores the replies of one consultation in one transaction (its 194 {@code submit}s, each as the application
 * runs it, acknowledgement included): the rows are those of 194 requests, without 194 durable commits, which made the
 * fill of 19 400 replies last tens of minutes on a loaded machine. A timed tally is rolled back, so the same open
 * consultations are tallied at each size, the commit left out of the figure.
 */
@Tag("bench")
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("bench")
class ScaleBenchmark {

    static final String REPORT_FILE = "target/bench/scale.txt";
    private static final int SMALL = 3;
    private static final int CONSULTATIONS = Integer.getInteger("bench.scale.consultations", 100);
    private static final int QUESTIONS = 10;
    private static final int PAGE_REPEATS = 20;
    private static final int WARMUP = 10;
    private static final int TALLIES = 3;
    private static final int FILL_THREADS = 2;
    private static final double TALLY_GOAL_MS = 50;
    private static final double PAGE_GOAL_MS = 200;

    @Autowired ApplicationContext context;
    @Autowired ConsultationService consultations;
    @Autowired ReplyIntake intake;
    @Autowired TallyService tallies;
    @Autowired MemberStateRegistry memberStates;
    @Autowired PlatformTransactionManager transactions;
    @Autowired JdbcClient jdbc;
    @Autowired DataSource dataSource;
    @Autowired MockMvc mvc;

    private final List<Long> open = new ArrayList<>();

    /** The measures at one size: milliseconds, each a list of repeats. */
    private record Size(int consultations, long replies, List<Double> tally, List<Double> list, List<Double> page,
                        List<Double> result) {}

    @Test
    void tallyAndPagesAtTheSizeOfABusyYear() throws Exception {
        TestAccounts.ensure(context);
        RequestPostProcessor officer = TestAccounts.as(context, TestAccounts.OFFICER);
        long began = System.nanoTime();
        long underReview = addFullyRepliedConsultations(1).get(0);
        tallies.tally(underReview);
        open.addAll(addFullyRepliedConsultations(SMALL));
        measure(officer, underReview); // untimed: the small size comes first, and the JIT's work with it
        Size small = measure(officer, underReview);
        open.addAll(addFullyRepliedConsultations(CONSULTATIONS - SMALL));
        double fillSeconds = (System.nanoTime() - began) / 1e9;
        Size large = measure(officer, underReview);
        report(small, large, fillSeconds);
    }

    /** Opens {@code count} consultations and stores every Member State's reply to each; their ids, in order. */
    private List<Long> addFullyRepliedConsultations(int count) throws Exception {
        List<MemberState> states = List.copyOf(memberStates.all());
        Question[] questions = IntStream.rangeClosed(1, QUESTIONS)
                .mapToObj(n -> new Question("Q" + n + "/17", "Question " + n + " of the scale run", QuestionKind.NEW, ""))
                .toArray(Question[]::new);
        TransactionTemplate inOne = new TransactionTemplate(transactions);
        ExecutorService pool = Executors.newFixedThreadPool(FILL_THREADS);
        try {
            List<Future<Long>> filled = new ArrayList<>();
            for (int c = 0; c < count; c++) {
                Random random = new Random(4711 + open.size() + c);
                filled.add(pool.submit(() -> {
                    long id = consultations.open(consultations.adopt(Sg17.adopted(questions), "officer").id(),
                            "scale-" + System.nanoTime(), Instant.now().plus(Duration.ofDays(30)), "officer").id();
                    inOne.executeWithoutResult(tx -> states.forEach(state -> {
                        Map<String, Position> positions = new LinkedHashMap<>();
                        Arrays.stream(questions).forEach(q -> positions.put(q.number(),
                                random.nextInt(10) < 8 ? Position.SUPPORTS : Position.DOES_NOT_SUPPORT));
                        intake.submit(id, new ReplySubmission(state.code(), positions, "Scale run.", null),
                                ReplySource.now(Channel.API, state.code().toLowerCase(Locale.ROOT)));
                    }));
                    return id;
                }));
            }
            List<Long> ids = new ArrayList<>();
            for (Future<Long> f : filled) {
                ids.add(f.get());
            }
            return ids;
        } finally {
            pool.shutdown();
        }
    }

    /**
     * Tallies the last consultation added {@value #TALLIES} times, each rolled back, then times the list, the page of
     * the first open consultation and the result of the one under review.
     */
    private Size measure(RequestPostProcessor officer, long underReview) throws Exception {
        long tallied = open.get(open.size() - 1);
        TransactionTemplate rolledBack = new TransactionTemplate(transactions);
        List<Double> tally = new ArrayList<>();
        for (int i = 0; i < TALLIES; i++) {
            rolledBack.executeWithoutResult(tx -> {
                long t = System.nanoTime();
                tallies.tally(tallied);
                tally.add((System.nanoTime() - t) / 1e6);
                tx.setRollbackOnly();
            });
        }
        long shown = open.get(0);
        List<Double> list = new ArrayList<>();
        List<Double> page = new ArrayList<>();
        List<Double> result = new ArrayList<>();
        for (int i = 0; i < PAGE_REPEATS + WARMUP; i++) {
            double l = time(() -> mvc.perform(get("/officer/consultations").with(officer)).andExpect(status().isOk()));
            double p = time(() -> mvc.perform(get("/officer/consultations/" + shown).with(officer)).andExpect(status().isOk()));
            double r = time(() -> mvc.perform(get("/officer/consultations/" + underReview + "/result").with(officer))
                    .andExpect(status().isOk()));
            if (i >= WARMUP) {
                list.add(l);
                page.add(p);
                result.add(r);
            }
        }
        long replies = jdbc.sql("select count(*) from reply_version").query(Long.class).single();
        assertThat(replies).isEqualTo((open.size() + 1L) * memberStates.all().size());
        return new Size(open.size(), replies, tally, list, page, result);
    }

    private interface Timed {
        void run() throws Exception;
    }

    private static double time(Timed action) throws Exception {
        long t = System.nanoTime();
        action.run();
        return (System.nanoTime() - t) / 1e6;
    }

    private static double median(List<Double> ms) {
        return ms.stream().sorted().toList().get(ms.size() / 2);
    }

    private static double max(List<Double> ms) {
        return ms.stream().mapToDouble(Double::doubleValue).max().orElseThrow();
    }

    private void report(Size small, Size large, double fillSeconds) throws Exception {
        StringBuilder out = new StringBuilder();
        out.append(line("Scale benchmark, %s: %d cores, Java %s; %d Questions per consultation, every Member State replied;"
                        + " filled in %.0f s", Instant.now().truncatedTo(ChronoUnit.SECONDS),
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"), QUESTIONS, fillSeconds));
        out.append(line("database: %s; each size: its open consultations and 1 tallied, under review",
                BenchReport.database(dataSource)));
        out.append(line("%-46s %14s %14s %7s", "ms: median / slowest", small.consultations() + " open", large.consultations() + " open",
                "ratio"));
        row(out, "tally of one consultation (" + TALLIES + ", rolled back)", small.tally(), large.tally());
        row(out, "GET /officer/consultations (" + PAGE_REPEATS + " times)", small.list(), large.list());
        row(out, "GET /officer/consultations/{id} (open)", small.page(), large.page());
        row(out, "GET /officer/consultations/{id}/result (tallied)", small.result(), large.result());
        out.append(line("replies stored: %d and %d", small.replies(), large.replies()));
        out.append(line("goals at %d open: tally < %.0f ms -> %s; list < %.0f ms -> %s; page < %.0f ms -> %s; result < %.0f ms -> %s",
                large.consultations(), TALLY_GOAL_MS, goal(large.tally(), TALLY_GOAL_MS), PAGE_GOAL_MS, goal(large.list(), PAGE_GOAL_MS),
                PAGE_GOAL_MS, goal(large.page(), PAGE_GOAL_MS), PAGE_GOAL_MS, goal(large.result(), PAGE_GOAL_MS)));
        BenchReport.write(REPORT_FILE, out);
    }

    private static String goal(List<Double> ms, double goal) {
        return max(ms) < goal ? "met" : "NOT met";
    }

    private static void row(StringBuilder out, String what, List<Double> small, List<Double> large) {
        out.append(line("%-46s %6.1f / %5.1f %6.1f / %5.1f %7.2f", what, median(small), max(small), median(large), max(large),
                median(large) / median(small)));
    }

}
