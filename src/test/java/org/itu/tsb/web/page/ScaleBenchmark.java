package org.itu.tsb.web.page;

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
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The application at the size of a busy year: 100 open consultations of 10 Questions each, every Member State having
 * replied to each (19 400 replies, stored through {@link ReplyIntake}, the service every channel uses). Times the
 * tally of one consultation and the officers' pages ({@code /officer/consultations}, a consultation's
 * {@code /officer/consultations/{id}/replies}, rendered in full through MockMvc, security included), beside the same
 * measures in the same run at the size of {@value #SMALL} consultations. Goals: a tally under 50 ms, each page under
 * 200 ms (the slowest of {@value #PAGE_REPEATS}). {@code mvn -Pbench test -Dtest=ScaleBenchmark}; the report on stdout
 * and in {@value #REPORT_FILE}. It asserts only that every page answered 200 and every reply was stored.
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
    private static final int TALLIES = 3;
    private static final double TALLY_GOAL_MS = 50;
    private static final double PAGE_GOAL_MS = 200;

    @Autowired ApplicationContext context;
    @Autowired ConsultationService consultations;
    @Autowired ReplyIntake intake;
    @Autowired TallyService tallies;
    @Autowired MemberStateRegistry memberStates;
    @Autowired MockMvc mvc;

    private final Random random = new Random(4711);
    private final List<Long> open = new ArrayList<>();

    /** The measures at one size: milliseconds, each a list of repeats. */
    private record Size(int consultations, int replies, List<Double> tally, List<Double> list, List<Double> page) {}

    @Test
    void tallyAndPagesAtTheSizeOfABusyYear() throws Exception {
        TestAccounts.ensure(context);
        RequestPostProcessor officer = TestAccounts.as(context, TestAccounts.OFFICER);
        long began = System.nanoTime();
        addFullyRepliedConsultations(SMALL + TALLIES);
        Size small = measure(officer);
        addFullyRepliedConsultations(CONSULTATIONS + TALLIES - open.size());
        double fillSeconds = (System.nanoTime() - began) / 1e9;
        Size large = measure(officer);
        report(small, large, fillSeconds);
    }

    private void addFullyRepliedConsultations(int count) throws Exception {
        List<MemberState> states = List.copyOf(memberStates.all());
        Question[] questions = IntStream.rangeClosed(1, QUESTIONS)
                .mapToObj(n -> new Question("Q" + n + "/17", "Question " + n + " of the scale run", QuestionKind.NEW, ""))
                .toArray(Question[]::new);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            for (int c = 0; c < count; c++) {
                long id = consultations.open(consultations.adopt(Sg17.adopted(questions), "officer").id(),
                        "scale-" + System.nanoTime(), Instant.now().plus(Duration.ofDays(30)), "officer").id();
                open.add(id);
                List<Future<?>> stored = new ArrayList<>();
                for (MemberState state : states) {
                    Map<String, Position> positions = new LinkedHashMap<>();
                    Arrays.stream(questions).forEach(q -> positions.put(q.number(),
                            random.nextInt(10) < 8 ? Position.SUPPORTS : Position.DOES_NOT_SUPPORT));
                    stored.add(pool.submit(() -> intake.submit(id, new ReplySubmission(state.code(), positions, "Scale run.", null),
                            ReplySource.now(Channel.API, state.code().toLowerCase(Locale.ROOT)))));
                }
                for (Future<?> f : stored) {
                    f.get();
                }
            }
        } finally {
            pool.shutdown();
        }
    }

    /** Tallies the last {@value #TALLIES} consultations added (fresh ones), then times the pages. */
    private Size measure(RequestPostProcessor officer) throws Exception {
        List<Double> tally = new ArrayList<>();
        for (long id : open.subList(open.size() - TALLIES, open.size())) {
            long t = System.nanoTime();
            tallies.tally(id);
            tally.add((System.nanoTime() - t) / 1e6);
        }
        long shown = open.get(0); // open, with every reply in
        List<Double> list = new ArrayList<>();
        List<Double> page = new ArrayList<>();
        for (int i = 0; i < PAGE_REPEATS + 3; i++) { // the first 3 untimed
            double l = time(() -> mvc.perform(get("/officer/consultations").with(officer)).andExpect(status().isOk()));
            double p = time(() -> mvc.perform(get("/officer/consultations/" + shown + "/replies").with(officer))
                    .andExpect(status().isOk()));
            if (i >= 3) {
                list.add(l);
                page.add(p);
            }
        }
        return new Size(open.size(), open.size() * memberStates.all().size(), tally, list, page);
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
        out.append(line("Scale benchmark, %s: %d cores, Java %s; %d Questions per consultation; filled in %.0f s",
                Instant.now().truncatedTo(ChronoUnit.SECONDS), Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"), QUESTIONS, fillSeconds));
        out.append(line("%-44s %14s %14s %7s", "ms: median / slowest", small.consultations() + " consultations",
                large.consultations() + " consultations", "ratio"));
        row(out, "tally of one consultation (" + TALLIES + " tallies)", small.tally(), large.tally());
        row(out, "GET /officer/consultations (" + PAGE_REPEATS + " times)", small.list(), large.list());
        row(out, "GET /officer/consultations/{id}/replies", small.page(), large.page());
        out.append(line("replies stored: %d and %d", small.replies(), large.replies()));
        out.append(line("goals at %d consultations: tally < %.0f ms -> %s; list < %.0f ms -> %s; page < %.0f ms -> %s",
                large.consultations(), TALLY_GOAL_MS, max(large.tally()) < TALLY_GOAL_MS ? "met" : "NOT met",
                PAGE_GOAL_MS, max(large.list()) < PAGE_GOAL_MS ? "met" : "NOT met",
                PAGE_GOAL_MS, max(large.page()) < PAGE_GOAL_MS ? "met" : "NOT met"));
        BenchReport.write(REPORT_FILE, out);
    }

    private static void row(StringBuilder out, String what, List<Double> small, List<Double> large) {
        out.append(line("%-44s %6.1f / %5.1f %6.1f / %5.1f %7.2f", what, median(small), max(small), median(large), max(large),
                median(large) / median(small)));
    }

}
