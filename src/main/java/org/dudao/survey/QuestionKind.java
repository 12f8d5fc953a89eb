package org.dudao.survey;

/** 题型: 单选, 多选, 评分（满意度，选项带分值）, 文字. */
public enum QuestionKind {
    SINGLE,
    MULTIPLE,
    RATING,
    TEXT;

    public boolean hasOptions() {
        return this != TEXT;
    }

    public String labelKey() {
        return "survey.kind." + name();
    }
}
