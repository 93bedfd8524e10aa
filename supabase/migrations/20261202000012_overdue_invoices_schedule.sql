-- Invoices turn overdue on time, without anyone opening a page: every minute, sent invoices past
-- their due date are marked overdue (which customers and staff then see live). pg_cron runs the
-- job on Supabase; the Docker-free local stack provides the same cron.schedule() and runs it.
do $$
begin
  if not exists (select 1 from pg_namespace where nspname = 'cron')
     and exists (select 1 from pg_available_extensions where name = 'pg_cron') then
    create extension pg_cron;
  end if;
end
$$;

select cron.schedule('mark-overdue-invoices', '* * * * *', 'select public.mark_overdue_invoices()');
