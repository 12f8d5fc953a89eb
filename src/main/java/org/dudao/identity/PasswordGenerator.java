package org.dudao.identity;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Random passwords that satisfy the policy (all four classes, no look-alike characters). */
public final class PasswordGenerator {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String LOWER = "abcdefghijkmnpqrstuvwxyz";
    private static final String UPPER = "ABCDEFGHJKLMNPQRSTUVWXYZ";
    private static final String DIGIT = "23456789";
    private static final String SPECIAL = "#%+=@!?";

    private PasswordGenerator() {}

    public static String generate(int length) {
        List<Character> chars = new ArrayList<>();
        String all = LOWER + UPPER + DIGIT + SPECIAL;
        for (String set : List.of(LOWER, UPPER, DIGIT, SPECIAL)) {
            chars.add(set.charAt(RANDOM.nextInt(set.length())));
        }
        while (chars.size() < length) {
            chars.add(all.charAt(RANDOM.nextInt(all.length())));
        }
        Collections.shuffle(chars, RANDOM);
        StringBuilder sb = new StringBuilder();
        chars.forEach(sb::append);
        return sb.toString();
    }
}
