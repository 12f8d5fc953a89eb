package org.dudao.survey;

/** 草稿 → 已发布（不可修改，复制后修改）→ 已结束. */
public enum QuestionnaireStatus {
    DRAFT,
    PUBLISHED,
    CLOSED
}
