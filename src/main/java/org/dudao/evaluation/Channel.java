package org.dudao.evaluation;

/** Where an evaluation change came from. */
public enum Channel {
    WEB,
    API,
    SHEET,
    REVIEW,
    ONSITE
}
