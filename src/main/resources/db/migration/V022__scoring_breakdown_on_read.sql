-- Breakdowns are computed when read (ADR 0016), from the evaluations and events the results were computed from;
-- storing them with every computation cost 70 kB of JSON a target (13 s and 200 MB for 3,000 targets).
alter table scoring_result drop column breakdown;

-- 大幅退步 and 连续优秀 per result, so that re-standing one category after a single change can rebuild the lists
alter table scoring_result add column big_regression boolean not null default false;
alter table scoring_result add column consecutive_excellent boolean not null default false;

-- the targets of one category in order (re-standing a category after one change reads them; so do category pages)
create index campaign_target_category on campaign_target (category_id, position, id);

-- a change re-writes a few results at a time: room on each page for the new row versions (HOT updates)
alter table scoring_result set (fillfactor = 70);

-- the tasks of one category (re-scoring one target reads them; so do the grading pages)
create index campaign_task_category on campaign_task (category_id, position);

-- the flags of results computed before this migration, from their campaign's stored lists
update scoring_result r set big_regression = true from scoring_workflow w
    where w.campaign_id = r.campaign_id and coalesce(w.lists -> 'regression', '[]') @> to_jsonb(r.target_id);
update scoring_result r set consecutive_excellent = true from scoring_workflow w
    where w.campaign_id = r.campaign_id
      and coalesce(w.lists -> 'consecutiveExcellent', '[]') @> to_jsonb(r.target_id);
