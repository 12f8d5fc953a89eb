package org.dudao.inspection;

/** One point of the formal feedback (反馈意见) to a target, optionally about one sheet item. */
public record FeedbackItemCommand(Long taskId, String severity, String description) {}
