// When a person last opened their home page: what "new since your last visit" is measured from.
export interface DashboardVisitsTable {
  user_id: string;
  last_visit_at: string;
  previous_visit_at: string | null;
}
