CREATE TABLE `fieldwork_targets` (
	`questionnaire_id` text NOT NULL,
	`country` text NOT NULL,
	`site` text DEFAULT '' NOT NULL,
	`target` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`updated_by` text NOT NULL,
	FOREIGN KEY (`questionnaire_id`) REFERENCES `questionnaires`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `fieldwork_targets_key` ON `fieldwork_targets` (`questionnaire_id`,`country`,`site`);--> statement-breakpoint
CREATE TABLE `refusals` (
	`instance_id` text PRIMARY KEY NOT NULL,
	`questionnaire_id` text NOT NULL,
	`version_id` text NOT NULL,
	`reason` text NOT NULL,
	`country` text NOT NULL,
	`site` text,
	`day` text NOT NULL,
	`collector` text NOT NULL,
	FOREIGN KEY (`questionnaire_id`) REFERENCES `questionnaires`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`version_id`) REFERENCES `questionnaire_versions`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `refusals_questionnaire_day` ON `refusals` (`questionnaire_id`,`day`);