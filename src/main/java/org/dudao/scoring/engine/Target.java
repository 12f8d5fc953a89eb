package org.dudao.scoring.engine;

import java.util.Objects;

/**
 * 考核对象: one assessed unit in a campaign.
 *
 * @param unitId the unit, to match last year's result
 * @param categoryId the target category (考核类别); its tasks apply
 * @param category the category's name, used for ranked categories and the last-N lists; one name per
 *     category id
 * @param position the order in which the campaign lists its targets
 */
public record Target(long id, long unitId, String name, long categoryId, String category, int position) {

    public Target {
        Objects.requireNonNull(category, "category");
    }
}
