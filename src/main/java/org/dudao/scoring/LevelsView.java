package org.dudao.scoring;

import java.util.List;

/**
 * What a campaign's scoring policy says about levels and lists, for documents that name them.
 *
 * @param levels the result levels (等次), best to worst; the last is the fallback
 * @param excellentLevel the level a serious penalty bars (优秀), or null
 * @param bottomN the size of the last-N list (后N名) of each ranked category
 * @param rankedCategories the categories that get a rank; empty = every category
 */
public record LevelsView(List<String> levels, String excellentLevel, int bottomN, List<String> rankedCategories) {}
