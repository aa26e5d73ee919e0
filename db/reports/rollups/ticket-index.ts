/** The covering index the ticket report reads each ticket's times, channel and assignee through (db/reports/ticket-reads.ts). */
export const TICKET_TIMES_INDEX = 'tickets_created_times';
