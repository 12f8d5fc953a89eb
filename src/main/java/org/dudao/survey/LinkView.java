package org.dudao.survey;

/** The public link of a questionnaire for one target, with its number of responses. */
public record LinkView(long id, long questionnaireId, long targetId, String targetName, String token, long responses) {}
