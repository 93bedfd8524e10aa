-- Field work offline: a technician's phone queues status changes while it has no connection and
-- sends them later, possibly twice (a request can reach the server and its answer be lost). Each
-- queued change carries an idempotency key and the job as the phone last saw it (status and
-- updated_at). The database decides: a key already used is answered as a replay and changes
-- nothing; a job someone else changed in the meantime is a conflict the technician resolves.

-- The keys of queued changes already applied, kept so a replay is recognised. One row per key,
-- written in the same transaction as the change it stands for.
create table public.field_action_receipts (
  key uuid primary key,
  organization_id uuid not null,
  job_id uuid not null,
  kind text not null check (kind ~ '^[a-z][a-z0-9_.-]{0,49}$'),
  created_by uuid not null default auth.uid() references auth.users (id) on delete cascade,
  created_at timestamptz not null default now(),
  foreign key (organization_id, job_id) references public.jobs (organization_id, id) on delete cascade
);
create index field_action_receipts_job_idx on public.field_action_receipts (job_id);
create index field_action_receipts_org_idx on public.field_action_receipts (organization_id);

alter table public.field_action_receipts enable row level security;
-- A receipt is its author's: they read theirs, and write one only for a job they can read.
create policy "staff read their own receipts" on public.field_action_receipts for select to authenticated
  using (created_by = (select auth.uid()));
create policy "staff record receipts for jobs they see" on public.field_action_receipts for insert to authenticated
  with check (
    created_by = (select auth.uid())
    and exists (select 1 from public.jobs j where j.id = field_action_receipts.job_id and j.organization_id = field_action_receipts.organization_id)
  );
revoke all on public.field_action_receipts from anon, authenticated;
grant select, insert on public.field_action_receipts to authenticated;
grant select, insert, delete on public.field_action_receipts to service_role;

-- What others changed on a job after a moment, from the audit trail: [{at, by, changes}] oldest
-- first, the caller's own changes left out. Fields outside the audit trail (notes, for one) do
-- not conflict with anything a technician does. Runs as the caller: RLS on jobs and the audit
-- trail applies, so a job the caller cannot read has no changes to show.
create function public.job_changes_by_others(p_job_id uuid, p_since timestamptz)
returns jsonb
language sql
stable
set search_path = ''
as $$
  select coalesce(jsonb_agg(
    jsonb_build_object('at', e.created_at, 'by', e.actor_name, 'changes', e.changes) order by e.id
  ), '[]'::jsonb)
  from public.audit_events e
  where e.table_name = 'jobs'
    and e.record_id = p_job_id
    and e.created_at > p_since
    and e.actor_user_id is distinct from (select auth.uid())
    and exists (select 1 from public.jobs j where j.id = p_job_id)
$$;

-- Moves a job to p_status on behalf of a queued change, once per key. Outcomes (jsonb):
--   applied  — the status changed now (or was already p_status: nothing to do);
--   replayed — this key was applied before; nothing changed now;
--   conflict — the job is no longer as the phone saw it: its status differs from p_expected_status,
--              or someone else changed it after p_expected_updated_at; `changes` says what.
-- Every outcome carries the job's current `status` and `updated_at`, so the phone can rebase its
-- next change ("apply mine") on what is there now. Runs as the caller: RLS and the jobs guard
-- (a technician sets only field states of their own jobs) apply as for any update.
create function public.apply_field_job_status(
  p_key uuid,
  p_job_id uuid,
  p_expected_status public.job_status,
  p_expected_updated_at timestamptz,
  p_status public.job_status
)
returns jsonb
language plpgsql
set search_path = ''
as $$
declare
  j public.jobs;
  others jsonb;
begin
  if p_key is null or p_job_id is null or p_expected_status is null or p_expected_updated_at is null or p_status is null then
    raise exception 'key, job, expected status, expected updated_at and status are required' using errcode = '22004';
  end if;
  select * into j from public.jobs where id = p_job_id for update;
  if not found then
    raise exception 'job % not found', p_job_id using errcode = 'P0002';
  end if;
  if exists (select 1 from public.field_action_receipts r where r.key = p_key) then
    return jsonb_build_object('outcome', 'replayed', 'status', j.status, 'updated_at', j.updated_at);
  end if;
  others := public.job_changes_by_others(p_job_id, p_expected_updated_at);
  if j.status is distinct from p_status
     and (j.status is distinct from p_expected_status or jsonb_array_length(others) > 0) then
    return jsonb_build_object('outcome', 'conflict', 'status', j.status, 'updated_at', j.updated_at, 'changes', others);
  end if;
  if j.status is distinct from p_status then
    update public.jobs set status = p_status where id = p_job_id returning * into j;
  end if;
  insert into public.field_action_receipts (key, organization_id, job_id, kind)
  values (p_key, j.organization_id, j.id, 'job.status');
  return jsonb_build_object('outcome', 'applied', 'status', j.status, 'updated_at', j.updated_at);
end
$$;

revoke all on function public.job_changes_by_others(uuid, timestamptz) from public, anon;
revoke all on function public.apply_field_job_status(uuid, uuid, public.job_status, timestamptz, public.job_status) from public, anon;
grant execute on function public.job_changes_by_others(uuid, timestamptz) to authenticated, service_role;
grant execute on function public.apply_field_job_status(uuid, uuid, public.job_status, timestamptz, public.job_status) to authenticated, service_role;
