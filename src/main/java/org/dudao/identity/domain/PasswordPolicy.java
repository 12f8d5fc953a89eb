package org.dudao.identity.domain;

import java.util.Locale;
import org.dudao.shared.error.InvalidInputException;

/** 口令策略: at least 12 characters, at least 3 of 4 character classes, not the username. */
public record PasswordPolicy(int minLength) {

    public void check(String username, String password) {
        if (password == null || password.length() < minLength) {
            throw new InvalidInputException("password", "password.tooShort", minLength);
        }
        if (password.length() > 128) {
            throw new InvalidInputException("password", "validation.tooLong", 128);
        }
        int classes = 0;
        if (password.chars().anyMatch(c -> c >= 'a' && c <= 'z')) classes++;
        if (password.chars().anyMatch(c -> c >= 'A' && c <= 'Z')) classes++;
        if (password.chars().anyMatch(c -> c >= '0' && c <= '9')) classes++;
        if (password.chars().anyMatch(c -> !(Character.isLetterOrDigit(c) && c < 128))) classes++;
        if (classes < 3) {
            throw new InvalidInputException("password", "password.tooSimple");
        }
        if (username != null && password.toLowerCase(Locale.ROOT).equals(username.toLowerCase(Locale.ROOT))) {
            throw new InvalidInputException("password", "password.equalsUsername");
        }
    }
}
