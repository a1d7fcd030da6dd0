CREATE TABLE `questionnaire_versions` (
	`id` text PRIMARY KEY NOT NULL,
	`questionnaire_id` text NOT NULL,
	`version` text NOT NULL,
	`content_hash` text NOT NULL,
	`definition` text NOT NULL,
	`title` text NOT NULL,
	`languages` text NOT NULL,
	`question_count` integer NOT NULL,
	`seq` integer NOT NULL,
	`published_at` integer NOT NULL,
	FOREIGN KEY (`questionnaire_id`) REFERENCES `questionnaires`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `questionnaire_versions_q_version` ON `questionnaire_versions` (`questionnaire_id`,`version`);--> statement-breakpoint
CREATE UNIQUE INDEX `questionnaire_versions_q_seq` ON `questionnaire_versions` (`questionnaire_id`,`seq`);--> statement-breakpoint
CREATE TABLE `questionnaires` (
	`id` text PRIMARY KEY NOT NULL,
	`title` text NOT NULL,
	`family` text NOT NULL,
	`state` text DEFAULT 'open' NOT NULL,
	`state_changed_at` integer NOT NULL,
	`current_version_id` text,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`current_version_id`) REFERENCES `questionnaire_versions`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `responses` (
	`seq` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`instance_id` text NOT NULL,
	`questionnaire_id` text NOT NULL,
	`version_id` text NOT NULL,
	`status` text NOT NULL,
	`data` text NOT NULL,
	`payload_hash` text NOT NULL,
	`dropped` text NOT NULL,
	`locale` text NOT NULL,
	`device_started_at` integer,
	`device_ended_at` integer,
	`revision` integer NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`submitted_at` integer,
	FOREIGN KEY (`questionnaire_id`) REFERENCES `questionnaires`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`version_id`) REFERENCES `questionnaire_versions`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `responses_instance_id_unique` ON `responses` (`instance_id`);--> statement-breakpoint
CREATE INDEX `responses_questionnaire_seq` ON `responses` (`questionnaire_id`,`seq`);