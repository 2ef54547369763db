package org.itu.tsb.reply;

/** The box a Member State ticked for one Question. No box ticked means no position (absent, not a value). */
public enum Position {
    SUPPORTS,
    DOES_NOT_SUPPORT
}
