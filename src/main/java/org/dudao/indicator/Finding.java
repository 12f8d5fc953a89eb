package org.dudao.indicator;

/**
 * One line of a validation report: how serious, where (titles from the root, joined by " / "), and
 * what, as a message key with arguments.
 */
public record Finding(Severity severity, String nodePath, String code, String messageKey, Object[] args) {

    public enum Severity {
        ERROR,
        WARNING,
        INFO
    }
}
