ALTER TABLE `refusals` ADD `distress` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `responses` ADD `distress` integer DEFAULT 0 NOT NULL;