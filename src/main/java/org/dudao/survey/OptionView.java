package org.dudao.survey;

import java.math.BigDecimal;

/** An option of a choice or rating question; {@code score} only for rating options. */
public record OptionView(long id, int position, String label, BigDecimal score) {}
