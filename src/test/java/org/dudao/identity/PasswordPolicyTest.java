package org.dudao.identity;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.dudao.identity.domain.PasswordPolicy;
import org.dudao.shared.error.InvalidInputException;
import org.junit.jupiter.api.Test;

/** 口令策略: ≥ 12 characters, ≥ 3 of 4 classes, not the username. */
class PasswordPolicyTest {

    final PasswordPolicy policy = new PasswordPolicy(12);

    @Test
    void acceptsTwelveCharactersOfThreeClasses() {
        assertThatCode(() -> policy.check("pds-xq-01", "abcdefGH1234")).doesNotThrowAnyException();
        assertThatCode(() -> policy.check("pds-xq-01", "abcdefgh12#$")).doesNotThrowAnyException();
    }

    @Test
    void refusesElevenCharacters() {
        assertThatThrownBy(() -> policy.check("u", "abcdeFGH123"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("password.tooShort");
    }

    @Test
    void refusesTwoClasses() {
        assertThatThrownBy(() -> policy.check("u", "abcdefgh1234"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("password.tooSimple");
        assertThatThrownBy(() -> policy.check("u", "ABCDEFGHIJKL#"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("password.tooSimple");
    }

    @Test
    void refusesTheUsernameInAnyCase() {
        assertThatThrownBy(() -> policy.check("Admin-User-01", "admin-user-01"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("password.equalsUsername");
    }

    @Test
    void generatedPasswordsAlwaysPass() {
        for (int i = 0; i < 200; i++) {
            String p = PasswordGenerator.generate(14);
            assertThatCode(() -> policy.check("someone", p)).doesNotThrowAnyException();
        }
    }
}
