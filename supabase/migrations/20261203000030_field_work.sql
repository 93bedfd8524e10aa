-- Field work: a technician's day on a phone. Technicians read only the jobs assigned to them;
-- services carry a checklist template and each job keeps which items were ticked; properties get
-- coordinates; a technician on the way shares their position on a private broadcast channel
-- (`job:<job id>:position`), and the last known position is kept in one row per job.

-- Technicians see their own jobs only; owners, admins and office staff see the organization's.
drop policy "staff read jobs" on public.jobs;
create policy "office staff read jobs" on public.jobs for select to authenticated
  using (organization_id = any (array(select public.my_staff_organization_ids(array['owner', 'admin', 'office']::public.staff_role[]))));
create policy "technicians read their assigned jobs" on public.jobs for select to authenticated
  using (technician_id = any (array(select public.my_staff_member_ids())));

-- Coordinates of a service address (WGS 84 degrees), for directions and the arrival estimate.
alter table public.properties
  add column latitude double precision check (latitude between -90 and 90),
  add column longitude double precision check (longitude between -180 and 180),
  add constraint properties_coordinates_together check ((latitude is null) = (longitude is null));

-- The checklist a technician works through for a service: short items, in order.
alter table public.services
  add column checklist text[] not null default '{}'
    check (cardinality(checklist) <= 30 and array_position(checklist, null) is null);

-- Which checklist items of a job are done. An item is its text as copied from the service when it
-- was ticked, so a later change to the template does not rewrite what was done.
create table public.job_checklist_ticks (
  organization_id uuid not null,
  job_id uuid not null,
  item text not null check (length(btrim(item)) between 1 and 200),
  done_by uuid default auth.uid() references auth.users (id) on delete set null,
  done_at timestamptz not null default now(),
  primary key (job_id, item),
  foreign key (organization_id, job_id) references public.jobs (organization_id, id) on delete cascade
);
create index job_checklist_ticks_org_idx on public.job_checklist_ticks (organization_id);

alter table public.job_checklist_ticks enable row level security;
-- Whoever may read the job reads its ticks (office staff, its technician); the job's technician
-- and office staff tick and untick.
create policy "staff read checklist ticks of jobs they see" on public.job_checklist_ticks for select to authenticated
  using (exists (select 1 from public.jobs j where j.id = job_checklist_ticks.job_id and j.organization_id in (select public.my_staff_organization_ids())));
create policy "the job's technician or office staff tick items" on public.job_checklist_ticks for insert to authenticated
  with check (exists (
    select 1 from public.jobs j
    where j.id = job_checklist_ticks.job_id and j.organization_id = job_checklist_ticks.organization_id
      and (j.technician_id = any (array(select public.my_staff_member_ids())) or public.can_manage_org(j.organization_id))
  ));
create policy "the job's technician or office staff untick items" on public.job_checklist_ticks for delete to authenticated
  using (exists (
    select 1 from public.jobs j
    where j.id = job_checklist_ticks.job_id
      and (j.technician_id = any (array(select public.my_staff_member_ids())) or public.can_manage_org(j.organization_id))
  ));
grant select, insert, delete on public.job_checklist_ticks to authenticated;
grant select, insert, update, delete on public.job_checklist_ticks to service_role;

-- The technician's last known position on the way to a job: one row per job, never a history.
-- Removed when the visit starts (or the job leaves "en route" any other way).
create table public.job_positions (
  job_id uuid primary key,
  organization_id uuid not null,
  latitude double precision not null check (latitude between -90 and 90),
  longitude double precision not null check (longitude between -180 and 180),
  accuracy_m real check (accuracy_m >= 0),
  recorded_at timestamptz not null default now(),
  foreign key (organization_id, job_id) references public.jobs (organization_id, id) on delete cascade
);

alter table public.job_positions enable row level security;
-- Everyone who may read the job (its customer, office staff, its technician) reads the position;
-- only its technician, while the job is en route, writes it.
create policy "readers of the job read its position" on public.job_positions for select to authenticated
  using (exists (select 1 from public.jobs j where j.id = job_positions.job_id));
create policy "the job's technician shares the position" on public.job_positions for insert to authenticated
  with check (exists (
    select 1 from public.jobs j
    where j.id = job_positions.job_id and j.organization_id = job_positions.organization_id and j.status = 'en_route'
      and j.technician_id = any (array(select public.my_staff_member_ids()))
  ));
create policy "the job's technician moves the position" on public.job_positions for update to authenticated
  using (exists (
    select 1 from public.jobs j
    where j.id = job_positions.job_id and j.status = 'en_route' and j.technician_id = any (array(select public.my_staff_member_ids()))
  ))
  with check (exists (
    select 1 from public.jobs j
    where j.id = job_positions.job_id and j.organization_id = job_positions.organization_id and j.status = 'en_route'
      and j.technician_id = any (array(select public.my_staff_member_ids()))
  ));
grant select, insert, update on public.job_positions to authenticated;
grant select, insert, update, delete on public.job_positions to service_role;

create function private.jobs_end_position_sharing()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  delete from public.job_positions where job_id = new.id;
  return null;
end
$$;
revoke all on function private.jobs_end_position_sharing() from public, anon, authenticated;
create trigger jobs_end_position_sharing after update of status on public.jobs
  for each row when (old.status = 'en_route' and new.status is distinct from 'en_route')
  execute function private.jobs_end_position_sharing();

-- Private broadcast topic `job:<job id>:position`. Joining to receive: whoever may read the job
-- (RLS on jobs, evaluated as the caller: its customer, office staff, its technician). Sending:
-- the job's technician. Any other shape of topic is not this policy's business (null: deny).
create function private.job_position_topic_job_id(p_topic text)
returns uuid
language sql
immutable
set search_path = ''
as $$
  select case
    when p_topic ~ '^job:[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}:position$'
    then substr(p_topic, 5, 36)::uuid
  end
$$;

create function private.job_position_topic_allowed(p_topic text, p_extension text, p_send boolean)
returns boolean
language sql
stable
set search_path = ''
as $$
  select p_extension = 'broadcast' and coalesce((
    select case
      when p_send then j.technician_id = any (array(select public.my_staff_member_ids()))
      else true
    end
    from public.jobs j
    where j.id = private.job_position_topic_job_id(p_topic)
  ), false)
$$;

revoke all on function
  private.job_position_topic_job_id(text),
  private.job_position_topic_allowed(text, text, boolean)
from public, anon;
grant execute on function
  private.job_position_topic_job_id(text),
  private.job_position_topic_allowed(text, text, boolean)
to authenticated, service_role;

create policy "readers of a job receive its technician's position" on realtime.messages
for select
to authenticated
using (private.job_position_topic_allowed((select realtime.topic()), extension, false));

create policy "a job's technician broadcasts their position" on realtime.messages
for insert
to authenticated
with check (private.job_position_topic_allowed((select realtime.topic()), extension, true));

-- The customer's signature at the end of a visit, with what they signed: the work summary as it
-- was shown (`summary`) and its SHA-256, computed here so no client can make them disagree.
-- Kept for good: no update or delete for API roles.
create table public.job_signatures (
  job_id uuid primary key,
  organization_id uuid not null,
  signer_name text not null check (length(btrim(signer_name)) between 1 and 200),
  -- A PNG data URL drawn on the phone's screen (at most ~300 kB of image).
  signature_png text not null
    check (starts_with(signature_png, 'data:image/png;base64,') and length(signature_png) <= 400000),
  summary jsonb not null check (jsonb_typeof(summary) = 'object'),
  summary_sha256 text not null default '', -- set by the trigger below
  signed_by uuid references auth.users (id) on delete set null,
  signed_at timestamptz not null default now(),
  foreign key (organization_id, job_id) references public.jobs (organization_id, id) on delete cascade
);
create index job_signatures_org_idx on public.job_signatures (organization_id);

create function private.job_signatures_hash_summary()
returns trigger
language plpgsql
set search_path = ''
as $$
begin
  new.summary_sha256 := encode(sha256(convert_to(new.summary::text, 'UTF8')), 'hex');
  new.signed_at := now();
  new.signed_by := auth.uid();
  return new;
end
$$;
revoke all on function private.job_signatures_hash_summary() from public, anon;
create trigger job_signatures_hash_summary before insert on public.job_signatures
  for each row execute function private.job_signatures_hash_summary();

alter table public.job_signatures enable row level security;
-- Whoever reads the job reads its signature (its customer too); the job's technician or office
-- staff record it while the visit is in progress.
create policy "readers of the job read its signature" on public.job_signatures for select to authenticated
  using (exists (select 1 from public.jobs j where j.id = job_signatures.job_id));
create policy "the job's technician or office staff record the signature" on public.job_signatures for insert to authenticated
  with check (exists (
    select 1 from public.jobs j
    where j.id = job_signatures.job_id and j.organization_id = job_signatures.organization_id
      and j.status = 'in_progress'
      and (j.technician_id = any (array(select public.my_staff_member_ids())) or public.can_manage_org(j.organization_id))
  ));
grant select, insert on public.job_signatures to authenticated;
grant select, insert, update, delete on public.job_signatures to service_role;
