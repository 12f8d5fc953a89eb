package org.dudao.inspection;

import java.util.List;

/** What a target writes into its self-inspection report (rows left wholly empty are ignored). */
public record SelfReportCommand(
        String narrative, List<SelfReportView.Figure> figures, List<SelfReportView.Problem> problems) {}
