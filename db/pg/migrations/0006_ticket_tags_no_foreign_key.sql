ALTER TABLE "ticket_tags" DROP CONSTRAINT "ticket_tags_ticket_id_tickets_id_fk";
