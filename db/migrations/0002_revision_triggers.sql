-- Every submitted state of a response becomes a row of response_revisions, in the same statement
-- that writes it: a first submission (insert, or a draft turned submitted) and every edit (the
-- concurrency counter `revision` moves). Purging clears data without moving it, so adds nothing.
CREATE TRIGGER `responses_revision_on_insert` AFTER INSERT ON `responses`
WHEN NEW.`status` = 'submitted'
BEGIN
  INSERT INTO `response_revisions` (`response_seq`, `revision`, `data`, `dropped`, `actor`, `created_at`)
  VALUES (NEW.`seq`, 1, NEW.`data`, NEW.`dropped`, NEW.`updated_by`, NEW.`updated_at`);
END;
--> statement-breakpoint
CREATE TRIGGER `responses_revision_on_update` AFTER UPDATE ON `responses`
WHEN NEW.`status` = 'submitted' AND (OLD.`status` <> 'submitted' OR OLD.`revision` <> NEW.`revision`)
BEGIN
  INSERT INTO `response_revisions` (`response_seq`, `revision`, `data`, `dropped`, `actor`, `created_at`)
  VALUES (
    NEW.`seq`,
    (SELECT COUNT(*) + 1 FROM `response_revisions` WHERE `response_seq` = NEW.`seq`),
    NEW.`data`, NEW.`dropped`, NEW.`updated_by`, NEW.`updated_at`
  );
END;
