CREATE TABLE `staged_chunks` (
	`upload` text NOT NULL,
	`n` integer NOT NULL,
	`data` text NOT NULL,
	`created_at` integer NOT NULL,
	PRIMARY KEY(`upload`, `n`)
);
