package org.itu.tsb.process;

/** The names of the process variables, in one place: the BPMN model and the forms use the same words. */
public final class ProcessVariables {

    public static final String PROCESS_KEY = "question-approval-consultation";
    public static final String ISSUE_CIRCULAR_TASK = "UserTask_IssueCircular";
    public static final String REVIEW_TALLY_TASK = "UserTask_ReviewTally";
    /** The timer "Deadline reached" ({@code timeDate = ${deadline}}): moved when an officer changes the deadline. */
    public static final String DEADLINE_TIMER = "TimerEvent_Deadline";
    /** The timer "Reminder due" ({@code timeDate = ${reminderAt}}): follows the deadline. */
    public static final String REMINDER_TIMER = "TimerEvent_ReminderDue";

    public static final String CONSULTATION_ID = "consultationId";
    public static final String STUDY_GROUP = "studyGroup";
    public static final String MEETING = "meeting";
    public static final String QUESTIONS_SUMMARY = "questionsSummary";
    /** Set by the officer when issuing the circular (Tasklist form or API). */
    public static final String CIRCULAR_NUMBER = "circularNumber";
    /** The officer who issued the circular through the application's API (Tasklist's user is the engine's authenticated one). */
    public static final String OPENED_BY = "openedBy";
    /** The deadline instant; the timer's {@code timeDate}. */
    public static final String DEADLINE = "deadline";
    /** The deadline as a date, as the Tasklist form asks for it; replies count until 23:59:59.999 UTC that day. */
    public static final String DEADLINE_DATE = "deadlineDate";
    /** The officer who announced the result through the application's API (Tasklist's user is the engine's authenticated one). */
    public static final String ANNOUNCED_BY = "announcedBy";
    /** The provisional tally, in words, for the form of "Review tally and announce". */
    public static final String PROVISIONAL_TALLY = "provisionalTally";
    /**
     * When the reminder timer fires (or fired); null when there is none, neither waiting nor sent: the consultation is
     * shorter than the reminder's lead time, or a change of its deadline left too little time for one.
     */
    public static final String REMINDER_AT = "reminderAt";
    /** Question number to decision name, set by the tally: what Cockpit shows of the result. */
    public static final String DECISIONS = "decisions";

    private ProcessVariables() {
    }
}
