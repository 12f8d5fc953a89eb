-- Breakdowns are computed when read (ADR 0016), from the evaluations and events the results were computed from;
-- storing them with every computation cost 70 kB of JSON a target (13 s and 200 MB for 3,000 targets).
alter table scoring_result drop column breakdown;

-- 大幅退步 and 连续优秀 per result, so that re-standing one category after a single change can rebuild the lists
alter table scoring_result add column big_regression boolean not null default false;
alter table scoring_result add column consecutive_excellent boolean not null default false;
