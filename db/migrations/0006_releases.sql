CREATE TABLE `release_chunks` (
	`release_id` text NOT NULL,
	`n` integer NOT NULL,
	`data` text NOT NULL,
	PRIMARY KEY(`release_id`, `n`),
	FOREIGN KEY (`release_id`) REFERENCES `releases`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `releases` (
	`id` text PRIMARY KEY NOT NULL,
	`questionnaire_id` text NOT NULL,
	`seq` integer NOT NULL,
	`state` text NOT NULL,
	`countries` text NOT NULL,
	`parameters` text NOT NULL,
	`snapshot_hash` text NOT NULL,
	`records` integer NOT NULL,
	`bundle_sha256` text NOT NULL,
	`bundle_bytes` integer NOT NULL,
	`report` text NOT NULL,
	`ledger` text NOT NULL,
	`created_by` text NOT NULL,
	`created_at` integer NOT NULL,
	`decided_by` text,
	`decided_at` integer,
	`note` text,
	FOREIGN KEY (`questionnaire_id`) REFERENCES `questionnaires`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `releases_q_seq` ON `releases` (`questionnaire_id`,`seq`);--> statement-breakpoint
CREATE UNIQUE INDEX `releases_one_pending` ON `releases` (`questionnaire_id`) WHERE state = 'pending';