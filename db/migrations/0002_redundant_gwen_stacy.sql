ALTER TABLE `ticket_day_requesters` ADD `prev_day` integer;--> statement-breakpoint
CREATE INDEX `ticket_day_requesters_requester` ON `ticket_day_requesters` (`requester`,`day`);