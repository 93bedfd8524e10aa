export type Json =
  | string
  | number
  | boolean
  | null
  | { [key: string]: Json | undefined }
  | Json[]

export type Database = {
  // Allows to automatically instantiate createClient with right options
  // instead of createClient<Database, { PostgrestVersion: 'XX' }>(URL, KEY)
  __InternalSupabase: {
    PostgrestVersion: "13.0.5"
  }
  public: {
    Tables: {
      attachments: {
        Row: {
          bucket_id: string
          created_at: string
          created_by: string | null
          customer_id: string
          id: string
          invoice_id: string | null
          job_id: string | null
          kind: Database["public"]["Enums"]["attachment_kind"]
          message_id: string | null
          mime_type: string
          name: string
          object_path: string
          organization_id: string
          quote_id: string | null
          size_bytes: number
        }
        Insert: {
          bucket_id: string
          created_at?: string
          created_by?: string | null
          customer_id: string
          id?: string
          invoice_id?: string | null
          job_id?: string | null
          kind: Database["public"]["Enums"]["attachment_kind"]
          message_id?: string | null
          mime_type: string
          name: string
          object_path: string
          organization_id: string
          quote_id?: string | null
          size_bytes: number
        }
        Update: {
          bucket_id?: string
          created_at?: string
          created_by?: string | null
          customer_id?: string
          id?: string
          invoice_id?: string | null
          job_id?: string | null
          kind?: Database["public"]["Enums"]["attachment_kind"]
          message_id?: string | null
          mime_type?: string
          name?: string
          object_path?: string
          organization_id?: string
          quote_id?: string | null
          size_bytes?: number
        }
        Relationships: [
          {
            foreignKeyName: "attachments_message_fkey"
            columns: ["organization_id", "message_id"]
            isOneToOne: false
            referencedRelation: "messages"
            referencedColumns: ["organization_id", "id"]
          },
          {
            foreignKeyName: "attachments_organization_id_customer_id_fkey"
            columns: ["organization_id", "customer_id"]
            isOneToOne: false
            referencedRelation: "customers"
            referencedColumns: ["organization_id", "id"]
          },
          {
            foreignKeyName: "attachments_organization_id_fkey"
            columns: ["organization_id"]
            isOneToOne: false
            referencedRelation: "organizations"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "attachments_organization_id_invoice_id_fkey"
            columns: ["organization_id", "invoice_id"]
            isOneToOne: false
            referencedRelation: "invoices"
            referencedColumns: ["organization_id", "id"]
          },
          {
            foreignKeyName: "attachments_organization_id_job_id_fkey"
            columns: ["organization_id", "job_id"]
            isOneToOne: false
            referencedRelation: "jobs"
            referencedColumns: ["organization_id", "id"]
          },
          {
            foreignKeyName: "attachments_organization_id_quote_id_fkey"
            columns: ["organization_id", "quote_id"]
            isOneToOne: false
            referencedRelation: "quotes"
            referencedColumns: ["organization_id", "id"]
          },
        ]
      }
      audit_events: {
        Row: {
          action: Database["public"]["Enums"]["audit_action"]
          actor: Database["public"]["Enums"]["audit_actor"]
          actor_name: string
          actor_user_id: string | null
          changes: NonNullable<Json>
          created_at: string
          customer_id: string | null
          id: number
          organization_id: string
          record_id: string
          record_label: string
          table_name: string
        }
        Insert: {
          action: Database["public"]["Enums"]["audit_action"]
          actor: Database["public"]["Enums"]["audit_actor"]
          actor_name: string
          actor_user_id?: string | null
          changes?: NonNullable<Json>
          created_at?: string
          customer_id?: string | null
          id?: never
          organization_id: string
          record_id: string
          record_label: string
          table_name: string
        }
        Update: {
          action?: Database["public"]["Enums"]["audit_action"]
          actor?: Database["public"]["Enums"]["audit_actor"]
          actor_name?: string
          actor_user_id?: string | null
          changes?: NonNullable<Json>
          created_at?: string
          customer_id?: string | null
          id?: never
          organization_id?: string
          record_id?: string
          record_label?: string
          table_name?: string
        }
        Relationships: [
          {
            foreignKeyName: "audit_events_organization_id_fkey"
            columns: ["organization_id"]
            isOneToOne: false
            referencedRelation: "organizations"
            referencedColumns: ["id"]
          },
        ]
      }
      customer_credits: {
        Row: {
          amount_cents: number
          applied_at: string | null
          created_at: string
          customer_id: string
          description: string
          id: string
          invoice_id: string | null
          loyalty_transaction_id: string | null
          organization_id: string
          updated_at: string
        }
        Insert: {
          amount_cents: number
          applied_at?: string | null
          created_at?: string
          customer_id: string
          description: string
          id?: string
          invoice_id?: string | null
          loyalty_transaction_id?: string | null
          organization_id: string
          updated_at?: string
        }
        Update: {
          amount_cents?: number
          applied_at?: string | null
          created_at?: string
          customer_id?: string
          description?: string
          id?: string
          invoice_id?: string | null
          loyalty_transaction_id?: string | null
          organization_id?: string
          updated_at?: string
        }
        Relationships: [
          {
            foreignKeyName: "customer_credits_loyalty_transaction_id_fkey"
            columns: ["loyalty_transaction_id"]
            isOneToOne: true
            referencedRelation: "loyalty_transactions"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "customer_credits_organization_id_customer_id_fkey"
            columns: ["organization_id", "customer_id"]
            isOneToOne: false
            referencedRelation: "customers"
            referencedColumns: ["organization_id", "id"]
          },
          {
            foreignKeyName: "customer_credits_organization_id_invoice_id_fkey"
            columns: ["organization_id", "invoice_id"]
            isOneToOne: false
            referencedRelation: "invoices"
            referencedColumns: ["organization_id", "id"]
          },
        ]
      }
      customer_import_rows: {
        Row: {
          address_line1: string | null
          address_line2: string | null
          city: string | null
          csv_row: number
          customer_id: string | null
          email: string | null
          errors: string[]
          first_name: string | null
          import_id: string
          last_name: string | null
          phone: string | null
          postal_code: string | null
          region: string | null
          status: Database["public"]["Enums"]["customer_import_row_status"]
        }
        Insert: {
          address_line1?: string | null
          address_line2?: string | null
          city?: string | null
          csv_row: number
          customer_id?: string | null
          email?: string | null
          errors?: string[]
          first_name?: string | null
          import_id: string
          last_name?: string | null
          phone?: string | null
          postal_code?: string | null
          region?: string | null
          status?: Database["public"]["Enums"]["customer_import_row_status"]
        }
        Update: {
          address_line1?: string | null
          address_line2?: string | null
          city?: string | null
          csv_row?: number
          customer_id?: string | null
          email?: string | null
          errors?: string[]
          first_name?: string | null
          import_id?: string
          last_name?: string | null
          phone?: string | null
          postal_code?: string | null
          region?: string | null
          status?: Database["public"]["Enums"]["customer_import_row_status"]
        }
        Relationships: [
          {
            foreignKeyName: "customer_import_rows_import_id_fkey"
            columns: ["import_id"]
            isOneToOne: false
            referencedRelation: "customer_imports"
            referencedColumns: ["id"]
          },
        ]
      }
      customer_imports: {
        Row: {
          committed_at: string | null
          created_at: string
          created_by: string
          failed_count: number | null
          file_name: string
          id: string
          imported_count: number | null
          organization_id: string
          status: Database["public"]["Enums"]["customer_import_status"]
          total_rows: number
        }
        Insert: {
          committed_at?: string | null
          created_at?: string
          created_by?: string
          failed_count?: number | null
          file_name: string
          id?: string
          imported_count?: number | null
          organization_id: string
          status?: Database["public"]["Enums"]["customer_import_status"]
          total_rows: number
        }
        Update: {
          committed_at?: string | null
          created_at?: string
          created_by?: string
          failed_count?: number | null
          file_name?: string
          id?: string
          imported_count?: number | null
          organization_id?: string
          status?: Database["public"]["Enums"]["customer_import_status"]
          total_rows?: number
        }
        Relationships: [
          {
            foreignKeyName: "customer_imports_organization_id_fkey"
            columns: ["organization_id"]
            isOneToOne: false
            referencedRelation: "organizations"
            referencedColumns: ["id"]
          },
        ]
      }
      customer_notes: {
        Row: {
          author_staff_id: string | null
          body: string
          created_at: string
          customer_id: string
          id: string
          organization_id: string
        }
        Insert: {
          author_staff_id?: string | null
          body: string
          created_at?: string
          customer_id: string
          id?: string
          organization_id: string
        }
        Update: {
          author_staff_id?: string | null
          body?: string
          created_at?: string
          customer_id?: string
          id?: string
          organization_id?: string
        }
        Relationships: [
          {
            foreignKeyName: "customer_notes_author_staff_id_fkey"
            columns: ["author_staff_id"]
            isOneToOne: false
            referencedRelation: "staff_members"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "customer_notes_organization_id_customer_id_fkey"
            columns: ["organization_id", "customer_id"]
            isOneToOne: false
            referencedRelation: "customers"
            referencedColumns: ["organization_id", "id"]
          },
        ]
      }
      customers: {
        Row: {
          address_line1: string | null
          address_line2: string | null
          archived_at: string | null
          city: string | null
          created_at: string
          email: string | null
          first_name: string
          id: string
          last_name: string
          notification_preferences: NonNullable<Json>
          organization_id: string
          phone: string | null
          phone_digits: string | null
          portal_user_id: string | null
          postal_code: string | null
          region: string | null
          search_text: string | null
          source: string | null
          tags: string[]
          updated_at: string
        }
        Insert: {
          address_line1?: string | null
          address_line2?: string | null
          archived_at?: string | null
          city?: string | null
          created_at?: string
          email?: string | null
          first_name: string
          id?: string
          last_name?: string
          notification_preferences?: NonNullable<Json>
          organization_id: string
          phone?: string | null
          phone_digits?: never
          portal_user_id?: string | null
          postal_code?: string | null
          region?: string | null
          search_text?: never
          source?: string | null
          tags?: string[]
          updated_at?: string
        }
        Update: {
          address_line1?: string | null
          address_line2?: string | null
          archived_at?: string | null
          city?: string | null
          created_at?: string
          email?: string | null
          first_name?: string
          id?: string
          last_name?: string
          notification_preferences?: NonNullable<Json>
          organization_id?: string
          phone?: string | null
          phone_digits?: never
          portal_user_id?: string | null
          postal_code?: string | null
          region?: string | null
          search_text?: never
          source?: string | null
          tags?: string[]
          updated_at?: string
        }
        Relationships: [
          {
            foreignKeyName: "customers_organization_id_fkey"
            columns: ["organization_id"]
            isOneToOne: false
            referencedRelation: "organizations"
            referencedColumns: ["id"]
          },
        ]
      }
      field_action_receipts: {
        Row: {
          created_at: string
          created_by: string
          job_id: string
          key: string
          kind: string
          organization_id: string
        }
        Insert: {
          created_at?: string
          created_by?: string
          job_id: string
          key: string
          kind: string
          organization_id: string
        }
        Update: {
          created_at?: string
          created_by?: string
          job_id?: string
          key?: string
          kind?: string
          organization_id?: string
        }
        Relationships: [
          {
            foreignKeyName: "field_action_receipts_organization_id_job_id_fkey"
            columns: ["organization_id", "job_id"]
            isOneToOne: false
            referencedRelation: "jobs"
            referencedColumns: ["organization_id", "id"]
          },
        ]
      }
      invoice_line_items: {
        Row: {
          amount_cents: number
          created_at: string
          credit_id: string | null
          description: string
          id: string
          invoice_id: string
          job_line_item_id: string | null
          position: number
          quantity: number
          service_id: string | null
          tax_rate_bps: number
          taxable: boolean
          unit_price_cents: number
        }
        Insert: {
          amount_cents?: number
          created_at?: string
          credit_id?: string | null
          description: string
          id?: string
          invoice_id: string
          job_line_item_id?: string | null
          position?: number
          quantity?: number
          service_id?: string | null
          tax_rate_bps?: number
          taxable?: boolean
          unit_price_cents: number
        }
        Update: {
          amount_cents?: number
          created_at?: string
          credit_id?: string | null
          description?: string
          id?: string
          invoice_id?: string
          job_line_item_id?: string | null
          position?: number
          quantity?: number
          service_id?: string | null
          tax_rate_bps?: number
          taxable?: boolean
          unit_price_cents?: number
        }
        Relationships: [
          {
            foreignKeyName: "invoice_line_items_credit_id_fkey"
            columns: ["credit_id"]
            isOneToOne: true
            referencedRelation: "customer_credits"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "invoice_line_items_invoice_id_fkey"
            columns: ["invoice_id"]
            isOneToOne: false
            referencedRelation: "invoices"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "invoice_line_items_job_line_item_id_fkey"
            columns: ["job_line_item_id"]
            isOneToOne: true
            referencedRelation: "job_line_items"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "invoice_line_items_service_id_fkey"
            columns: ["service_id"]
            isOneToOne: false
            referencedRelation: "services"
            referencedColumns: ["id"]
          },
        ]
      }
      invoices: {
        Row: {
          amount_paid_cents: number
          balance_cents: number
          created_at: string
          customer_id: string
          discount_cents: number
          due_at: string | null
          id: string
          issued_at: string | null
          job_id: string | null
          notes: string | null
          number: string
          organization_id: string
          paid_at: string | null
          property_id: string | null
          status: Database["public"]["Enums"]["invoice_status"]
          subtotal_cents: number
          tax_cents: number
          tip_cents: number
          total_cents: number
          updated_at: string
        }
        Insert: {
          amount_paid_cents?: number
          balance_cents?: number
          created_at?: string
          customer_id: string
          discount_cents?: number
          due_at?: string | null
          id?: string
          issued_at?: string | null
          job_id?: string | null
          notes?: string | null
          number?: string
          organization_id: string
          paid_at?: string | null
          property_id?: string | null
          status?: Database["public"]["Enums"]["invoice_status"]
          subtotal_cents?: number
          tax_cents?: number
          tip_cents?: number
          total_cents?: number
          updated_at?: string
        }
        Update: {
          amount_paid_cents?: number
          balance_cents?: number
          created_at?: string
          customer_id?: string
          discount_cents?: number
          due_at?: string | null
          id?: string
          issued_at?: string | null
          job_id?: string | null
          notes?: string | null
          number?: string
          organization_id?: string
          paid_at?: string | null
          property_id?: string | null
          status?: Database["public"]["Enums"]["invoice_status"]
          subtotal_cents?: number
          tax_cents?: number
          tip_cents?: number
          total_cents?: number
          updated_at?: string
        }
        Relationships: [
          {
            foreignKeyName: "invoices_organization_id_customer_id_fkey"
            columns: ["organization_id", "customer_id"]
            isOneToOne: false
            referencedRelation: "customers"
            referencedColumns: ["organization_id", "id"]
          },
          {
            foreignKeyName: "invoices_organization_id_job_id_fkey"
            columns: ["organization_id", "job_id"]
            isOneToOne: false
            referencedRelation: "jobs"
            referencedColumns: ["organization_id", "id"]
          },
          {
            foreignKeyName: "invoices_property_fkey"
            columns: ["organization_id", "customer_id", "property_id"]
            isOneToOne: false
            referencedRelation: "properties"
            referencedColumns: ["organization_id", "customer_id", "id"]
          },
        ]
      }
      job_checklist_ticks: {
        Row: {
          done_at: string
          done_by: string | null
          id: string
          item: string
          job_id: string
          organization_id: string
        }
        Insert: {
          done_at?: string
          done_by?: string | null
          id?: string
          item: string
          job_id: string
          organization_id: string
        }
        Update: {
          done_at?: string
          done_by?: string | null
          id?: string
          item?: string
          job_id?: string
          organization_id?: string
        }
        Relationships: [
          {
            foreignKeyName: "job_checklist_ticks_organization_id_job_id_fkey"
            columns: ["organization_id", "job_id"]
            isOneToOne: false
            referencedRelation: "jobs"
            referencedColumns: ["organization_id", "id"]
          },
        ]
      }
      job_line_items: {
        Row: {
          added_by: string | null
          amount_cents: number
          created_at: string
          description: string
          id: string
          job_id: string
          organization_id: string
          quantity: number
          service_id: string | null
          tax_rate_bps: number
          taxable: boolean
          unit_price_cents: number
        }
        Insert: {
          added_by?: string | null
          amount_cents?: number
          created_at?: string
          description: string
          id?: string
          job_id: string
          organization_id: string
          quantity?: number
          service_id?: string | null
          tax_rate_bps?: number
          taxable?: boolean
          unit_price_cents: number
        }
        Update: {
          added_by?: string | null
          amount_cents?: number
          created_at?: string
          description?: string
          id?: string
          job_id?: string
          organization_id?: string
          quantity?: number
          service_id?: string | null
          tax_rate_bps?: number
          taxable?: boolean
          unit_price_cents?: number
        }
        Relationships: [
          {
            foreignKeyName: "job_line_items_organization_id_job_id_fkey"
            columns: ["organization_id", "job_id"]
            isOneToOne: false
            referencedRelation: "jobs"
            referencedColumns: ["organization_id", "id"]
          },
          {
            foreignKeyName: "job_line_items_organization_id_service_id_fkey"
            columns: ["organization_id", "service_id"]
            isOneToOne: false
            referencedRelation: "services"
            referencedColumns: ["organization_id", "id"]
          },
        ]
      }
      job_notes: {
        Row: {
          author_staff_id: string | null
          body: string
          created_at: string
          created_by: string | null
          id: string
          job_id: string
          organization_id: string
        }
        Insert: {
          author_staff_id?: string | null
          body: string
          created_at?: string
          created_by?: string | null
          id?: string
          job_id: string
          organization_id: string
        }
        Update: {
          author_staff_id?: string | null
          body?: string
          created_at?: string
          created_by?: string | null
          id?: string
          job_id?: string
          organization_id?: string
        }
        Relationships: [
          {
            foreignKeyName: "job_notes_organization_id_author_staff_id_fkey"
            columns: ["organization_id", "author_staff_id"]
            isOneToOne: false
            referencedRelation: "staff_members"
            referencedColumns: ["organization_id", "id"]
          },
          {
            foreignKeyName: "job_notes_organization_id_job_id_fkey"
            columns: ["organization_id", "job_id"]
            isOneToOne: false
            referencedRelation: "jobs"
            referencedColumns: ["organization_id", "id"]
          },
        ]
      }
      job_positions: {
        Row: {
          accuracy_m: number | null
          job_id: string
          latitude: number
          longitude: number
          organization_id: string
          recorded_at: string
        }
        Insert: {
          accuracy_m?: number | null
          job_id: string
          latitude: number
          longitude: number
          organization_id: string
          recorded_at?: string
        }
        Update: {
          accuracy_m?: number | null
          job_id?: string
          latitude?: number
          longitude?: number
          organization_id?: string
          recorded_at?: string
        }
        Relationships: [
          {
            foreignKeyName: "job_positions_organization_id_job_id_fkey"
            columns: ["organization_id", "job_id"]
            isOneToOne: false
            referencedRelation: "jobs"
            referencedColumns: ["organization_id", "id"]
          },
        ]
      }
      job_signatures: {
        Row: {
          job_id: string
          organization_id: string
          signature_png: string
          signed_at: string
          signed_by: string | null
          signer_name: string
          summary: NonNullable<Json>
          summary_sha256: string
        }
        Insert: {
          job_id: string
          organization_id: string
          signature_png: string
          signed_at?: string
          signed_by?: string | null
          signer_name: string
          summary: NonNullable<Json>
          summary_sha256?: string
        }
        Update: {
          job_id?: string
          organization_id?: string
          signature_png?: string
          signed_at?: string
          signed_by?: string | null
          signer_name?: string
          summary?: NonNullable<Json>
          summary_sha256?: string
        }
        Relationships: [
          {
            foreignKeyName: "job_signatures_organization_id_job_id_fkey"
            columns: ["organization_id", "job_id"]
            isOneToOne: false
            referencedRelation: "jobs"
            referencedColumns: ["organization_id", "id"]
          },
        ]
      }
      jobs: {
        Row: {
          address: string | null
          cancellation_reason: string | null
          cancelled_at: string | null
          completed_at: string | null
          confirmed_at: string | null
          created_at: string
          customer_id: string
          id: string
          notes: string | null
          organization_id: string
          price_cents: number
          property_id: string | null
          reschedule_note: string | null
          reschedule_preferred_times: Json | null
          reschedule_requested_at: string | null
          scheduled_end: string
          scheduled_start: string
          service_id: string | null
          status: Database["public"]["Enums"]["job_status"]
          technician_id: string | null
          title: string
          updated_at: string
        }
        Insert: {
          address?: string | null
          cancellation_reason?: string | null
          cancelled_at?: string | null
          completed_at?: string | null
          confirmed_at?: string | null
          created_at?: string
          customer_id: string
          id?: string
          notes?: string | null
          organization_id: string
          price_cents?: number
          property_id?: string | null
          reschedule_note?: string | null
          reschedule_preferred_times?: Json | null
          reschedule_requested_at?: string | null
          scheduled_end: string
          scheduled_start: string
          service_id?: string | null
          status?: Database["public"]["Enums"]["job_status"]
          technician_id?: string | null
          title: string
          updated_at?: string
        }
        Update: {
          address?: string | null
          cancellation_reason?: string | null
          cancelled_at?: string | null
          completed_at?: string | null
          confirmed_at?: string | null
          created_at?: string
          customer_id?: string
          id?: string
          notes?: string | null
          organization_id?: string
          price_cents?: number
          property_id?: string | null
          reschedule_note?: string | null
          reschedule_preferred_times?: Json | null
          reschedule_requested_at?: string | null
          scheduled_end?: string
          scheduled_start?: string
          service_id?: string | null
          status?: Database["public"]["Enums"]["job_status"]
          technician_id?: string | null
          title?: string
          updated_at?: string
        }
        Relationships: [
          {
            foreignKeyName: "jobs_organization_id_customer_id_fkey"
            columns: ["organization_id", "customer_id"]
            isOneToOne: false
            referencedRelation: "customers"
            referencedColumns: ["organization_id", "id"]
          },
          {
            foreignKeyName: "jobs_organization_id_service_id_fkey"
            columns: ["organization_id", "service_id"]
            isOneToOne: false
            referencedRelation: "services"
            referencedColumns: ["organization_id", "id"]
          },
          {
            foreignKeyName: "jobs_organization_id_technician_id_fkey"
            columns: ["organization_id", "technician_id"]
            isOneToOne: false
            referencedRelation: "staff_members"
            referencedColumns: ["organization_id", "id"]
          },
          {
            foreignKeyName: "jobs_property_fkey"
            columns: ["organization_id", "customer_id", "property_id"]
            isOneToOne: false
            referencedRelation: "properties"
            referencedColumns: ["organization_id", "customer_id", "id"]
          },
        ]
      }
      loyalty_rewards: {
        Row: {
          active: boolean
          credit_cents: number | null
          description: string | null
          id: string
          name: string
          organization_id: string
          points_cost: number
        }
        Insert: {
          active?: boolean
          credit_cents?: number | null
          description?: string | null
          id?: string
          name: string
          organization_id: string
          points_cost: number
        }
        Update: {
          active?: boolean
          credit_cents?: number | null
          description?: string | null
          id?: string
          name?: string
          organization_id?: string
          points_cost?: number
        }
        Relationships: [
          {
            foreignKeyName: "loyalty_rewards_organization_id_fkey"
            columns: ["organization_id"]
            isOneToOne: false
            referencedRelation: "organizations"
            referencedColumns: ["id"]
          },
        ]
      }
      loyalty_transactions: {
        Row: {
          created_at: string
          created_by: string | null
          customer_id: string
          description: string | null
          id: string
          job_id: string | null
          kind: Database["public"]["Enums"]["loyalty_kind"]
          organization_id: string
          points: number
          reward_id: string | null
        }
        Insert: {
          created_at?: string
          created_by?: string | null
          customer_id: string
          description?: string | null
          id?: string
          job_id?: string | null
          kind: Database["public"]["Enums"]["loyalty_kind"]
          organization_id: string
          points: number
          reward_id?: string | null
        }
        Update: {
          created_at?: string
          created_by?: string | null
          customer_id?: string
          description?: string | null
          id?: string
          job_id?: string | null
          kind?: Database["public"]["Enums"]["loyalty_kind"]
          organization_id?: string
          points?: number
          reward_id?: string | null
        }
        Relationships: [
          {
            foreignKeyName: "loyalty_transactions_organization_id_customer_id_fkey"
            columns: ["organization_id", "customer_id"]
            isOneToOne: false
            referencedRelation: "customers"
            referencedColumns: ["organization_id", "id"]
          },
          {
            foreignKeyName: "loyalty_transactions_organization_id_job_id_fkey"
            columns: ["organization_id", "job_id"]
            isOneToOne: false
            referencedRelation: "jobs"
            referencedColumns: ["organization_id", "id"]
          },
          {
            foreignKeyName: "loyalty_transactions_organization_id_reward_id_fkey"
            columns: ["organization_id", "reward_id"]
            isOneToOne: false
            referencedRelation: "loyalty_rewards"
            referencedColumns: ["organization_id", "id"]
          },
        ]
      }
      messages: {
        Row: {
          body: string
          created_at: string
          customer_id: string
          deleted_at: string | null
          id: string
          organization_id: string
          read_at: string | null
          sender_type: Database["public"]["Enums"]["message_sender"]
          sender_user_id: string | null
          updated_at: string
        }
        Insert: {
          body: string
          created_at?: string
          customer_id: string
          deleted_at?: string | null
          id?: string
          organization_id: string
          read_at?: string | null
          sender_type: Database["public"]["Enums"]["message_sender"]
          sender_user_id?: string | null
          updated_at?: string
        }
        Update: {
          body?: string
          created_at?: string
          customer_id?: string
          deleted_at?: string | null
          id?: string
          organization_id?: string
          read_at?: string | null
          sender_type?: Database["public"]["Enums"]["message_sender"]
          sender_user_id?: string | null
          updated_at?: string
        }
        Relationships: [
          {
            foreignKeyName: "messages_organization_id_customer_id_fkey"
            columns: ["organization_id", "customer_id"]
            isOneToOne: false
            referencedRelation: "customers"
            referencedColumns: ["organization_id", "id"]
          },
        ]
      }
      notification_outbox: {
        Row: {
          attempts: number
          channel: Database["public"]["Enums"]["notification_channel"]
          created_at: string
          customer_id: string | null
          due_at: string
          event: Database["public"]["Enums"]["notification_event"]
          event_group: string
          id: string
          idempotency_key: string
          last_error: string | null
          locked_until: string | null
          max_attempts: number
          organization_id: string
          payload: NonNullable<Json>
          provider_message_id: string | null
          recipient: string
          record_id: string
          record_table: string
          sent_at: string | null
          staff_member_id: string | null
          status: Database["public"]["Enums"]["notification_status"]
          updated_at: string
        }
        Insert: {
          attempts?: number
          channel: Database["public"]["Enums"]["notification_channel"]
          created_at?: string
          customer_id?: string | null
          due_at?: string
          event: Database["public"]["Enums"]["notification_event"]
          event_group: string
          id?: string
          idempotency_key: string
          last_error?: string | null
          locked_until?: string | null
          max_attempts?: number
          organization_id: string
          payload?: NonNullable<Json>
          provider_message_id?: string | null
          recipient: string
          record_id: string
          record_table: string
          sent_at?: string | null
          staff_member_id?: string | null
          status?: Database["public"]["Enums"]["notification_status"]
          updated_at?: string
        }
        Update: {
          attempts?: number
          channel?: Database["public"]["Enums"]["notification_channel"]
          created_at?: string
          customer_id?: string | null
          due_at?: string
          event?: Database["public"]["Enums"]["notification_event"]
          event_group?: string
          id?: string
          idempotency_key?: string
          last_error?: string | null
          locked_until?: string | null
          max_attempts?: number
          organization_id?: string
          payload?: NonNullable<Json>
          provider_message_id?: string | null
          recipient?: string
          record_id?: string
          record_table?: string
          sent_at?: string | null
          staff_member_id?: string | null
          status?: Database["public"]["Enums"]["notification_status"]
          updated_at?: string
        }
        Relationships: [
          {
            foreignKeyName: "notification_outbox_organization_id_customer_id_fkey"
            columns: ["organization_id", "customer_id"]
            isOneToOne: false
            referencedRelation: "customers"
            referencedColumns: ["organization_id", "id"]
          },
          {
            foreignKeyName: "notification_outbox_organization_id_fkey"
            columns: ["organization_id"]
            isOneToOne: false
            referencedRelation: "organizations"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "notification_outbox_staff_member_fkey"
            columns: ["organization_id", "staff_member_id"]
            isOneToOne: false
            referencedRelation: "staff_members"
            referencedColumns: ["organization_id", "id"]
          },
        ]
      }
      notification_templates: {
        Row: {
          body: string | null
          channel: Database["public"]["Enums"]["notification_channel"]
          created_at: string
          event: Database["public"]["Enums"]["notification_event"]
          id: string
          organization_id: string
          subject: string | null
          updated_at: string
          updated_by: string | null
        }
        Insert: {
          body?: string | null
          channel: Database["public"]["Enums"]["notification_channel"]
          created_at?: string
          event: Database["public"]["Enums"]["notification_event"]
          id?: string
          organization_id: string
          subject?: string | null
          updated_at?: string
          updated_by?: string | null
        }
        Update: {
          body?: string | null
          channel?: Database["public"]["Enums"]["notification_channel"]
          created_at?: string
          event?: Database["public"]["Enums"]["notification_event"]
          id?: string
          organization_id?: string
          subject?: string | null
          updated_at?: string
          updated_by?: string | null
        }
        Relationships: [
          {
            foreignKeyName: "notification_templates_organization_id_fkey"
            columns: ["organization_id"]
            isOneToOne: false
            referencedRelation: "organizations"
            referencedColumns: ["id"]
          },
        ]
      }
      organizations: {
        Row: {
          accent_color: string
          address: string | null
          booking_buffer_minutes: number
          booking_horizon_days: number
          booking_lead_hours: number
          booking_slot_step_minutes: number
          cancellation_notice_hours: number
          country_code: string
          created_at: string
          currency: string
          customers_may_cancel: boolean
          customers_may_confirm: boolean
          customers_may_reschedule: boolean
          email: string | null
          id: string
          instant_booking: boolean
          name: string
          next_invoice_number: number
          next_quote_number: number
          notify_by_email: boolean
          notify_by_sms: boolean
          online_booking: boolean
          phone: string | null
          points_per_dollar: number
          points_per_job: number
          public_review_url: string | null
          reminder_hours_before: number
          review_low_rating_threshold: number
          review_request_delay_hours: number
          review_requests_enabled: boolean
          settings_saved_at: string | null
          setup_completed_at: string | null
          slug: string
          sms_quiet_end: string
          sms_quiet_start: string
          technicians_add_custom_lines: boolean
          timezone: string
          unread_message_notify_minutes: number
          updated_at: string
        }
        Insert: {
          accent_color?: string
          address?: string | null
          booking_buffer_minutes?: number
          booking_horizon_days?: number
          booking_lead_hours?: number
          booking_slot_step_minutes?: number
          cancellation_notice_hours?: number
          country_code?: string
          created_at?: string
          currency?: string
          customers_may_cancel?: boolean
          customers_may_confirm?: boolean
          customers_may_reschedule?: boolean
          email?: string | null
          id?: string
          instant_booking?: boolean
          name: string
          next_invoice_number?: number
          next_quote_number?: number
          notify_by_email?: boolean
          notify_by_sms?: boolean
          online_booking?: boolean
          phone?: string | null
          points_per_dollar?: number
          points_per_job?: number
          public_review_url?: string | null
          reminder_hours_before?: number
          review_low_rating_threshold?: number
          review_request_delay_hours?: number
          review_requests_enabled?: boolean
          settings_saved_at?: string | null
          setup_completed_at?: string | null
          slug: string
          sms_quiet_end?: string
          sms_quiet_start?: string
          technicians_add_custom_lines?: boolean
          timezone?: string
          unread_message_notify_minutes?: number
          updated_at?: string
        }
        Update: {
          accent_color?: string
          address?: string | null
          booking_buffer_minutes?: number
          booking_horizon_days?: number
          booking_lead_hours?: number
          booking_slot_step_minutes?: number
          cancellation_notice_hours?: number
          country_code?: string
          created_at?: string
          currency?: string
          customers_may_cancel?: boolean
          customers_may_confirm?: boolean
          customers_may_reschedule?: boolean
          email?: string | null
          id?: string
          instant_booking?: boolean
          name?: string
          next_invoice_number?: number
          next_quote_number?: number
          notify_by_email?: boolean
          notify_by_sms?: boolean
          online_booking?: boolean
          phone?: string | null
          points_per_dollar?: number
          points_per_job?: number
          public_review_url?: string | null
          reminder_hours_before?: number
          review_low_rating_threshold?: number
          review_request_delay_hours?: number
          review_requests_enabled?: boolean
          settings_saved_at?: string | null
          setup_completed_at?: string | null
          slug?: string
          sms_quiet_end?: string
          sms_quiet_start?: string
          technicians_add_custom_lines?: boolean
          timezone?: string
          unread_message_notify_minutes?: number
          updated_at?: string
        }
        Relationships: []
      }
      payment_events: {
        Row: {
          event_id: string
          event_type: string
          outcome: string
          payment_id: string | null
          provider: string
          received_at: string
        }
        Insert: {
          event_id: string
          event_type: string
          outcome: string
          payment_id?: string | null
          provider: string
          received_at?: string
        }
        Update: {
          event_id?: string
          event_type?: string
          outcome?: string
          payment_id?: string | null
          provider?: string
          received_at?: string
        }
        Relationships: [
          {
            foreignKeyName: "payment_events_payment_id_fkey"
            columns: ["payment_id"]
            isOneToOne: false
            referencedRelation: "payments"
            referencedColumns: ["id"]
          },
        ]
      }
      payments: {
        Row: {
          amount_cents: number
          check_number: string | null
          checkout_url: string | null
          created_at: string
          customer_id: string
          failure_message: string | null
          id: string
          invoice_id: string | null
          method: Database["public"]["Enums"]["payment_method"]
          note: string | null
          organization_id: string
          provider: string | null
          provider_reference: string | null
          provider_refund_reference: string | null
          quote_id: string | null
          received_at: string | null
          recorded_by: string | null
          refund_reason: string | null
          refunded_at: string | null
          refunded_by: string | null
          status: Database["public"]["Enums"]["payment_status"]
          tip_cents: number
          updated_at: string
        }
        Insert: {
          amount_cents: number
          check_number?: string | null
          checkout_url?: string | null
          created_at?: string
          customer_id: string
          failure_message?: string | null
          id?: string
          invoice_id?: string | null
          method: Database["public"]["Enums"]["payment_method"]
          note?: string | null
          organization_id: string
          provider?: string | null
          provider_reference?: string | null
          provider_refund_reference?: string | null
          quote_id?: string | null
          received_at?: string | null
          recorded_by?: string | null
          refund_reason?: string | null
          refunded_at?: string | null
          refunded_by?: string | null
          status?: Database["public"]["Enums"]["payment_status"]
          tip_cents?: number
          updated_at?: string
        }
        Update: {
          amount_cents?: number
          check_number?: string | null
          checkout_url?: string | null
          created_at?: string
          customer_id?: string
          failure_message?: string | null
          id?: string
          invoice_id?: string | null
          method?: Database["public"]["Enums"]["payment_method"]
          note?: string | null
          organization_id?: string
          provider?: string | null
          provider_reference?: string | null
          provider_refund_reference?: string | null
          quote_id?: string | null
          received_at?: string | null
          recorded_by?: string | null
          refund_reason?: string | null
          refunded_at?: string | null
          refunded_by?: string | null
          status?: Database["public"]["Enums"]["payment_status"]
          tip_cents?: number
          updated_at?: string
        }
        Relationships: [
          {
            foreignKeyName: "payments_organization_id_customer_id_fkey"
            columns: ["organization_id", "customer_id"]
            isOneToOne: false
            referencedRelation: "customers"
            referencedColumns: ["organization_id", "id"]
          },
          {
            foreignKeyName: "payments_organization_id_invoice_id_fkey"
            columns: ["organization_id", "invoice_id"]
            isOneToOne: false
            referencedRelation: "invoices"
            referencedColumns: ["organization_id", "id"]
          },
          {
            foreignKeyName: "payments_organization_id_quote_id_fkey"
            columns: ["organization_id", "quote_id"]
            isOneToOne: false
            referencedRelation: "quotes"
            referencedColumns: ["organization_id", "id"]
          },
        ]
      }
      properties: {
        Row: {
          access_notes: string | null
          address_line1: string
          address_line2: string | null
          archived_at: string | null
          city: string | null
          confirmed_at: string | null
          created_at: string
          customer_id: string
          id: string
          is_primary: boolean
          label: string
          latitude: number | null
          longitude: number | null
          organization_id: string
          postal_code: string | null
          region: string | null
          updated_at: string
        }
        Insert: {
          access_notes?: string | null
          address_line1: string
          address_line2?: string | null
          archived_at?: string | null
          city?: string | null
          confirmed_at?: string | null
          created_at?: string
          customer_id: string
          id?: string
          is_primary?: boolean
          label?: string
          latitude?: number | null
          longitude?: number | null
          organization_id: string
          postal_code?: string | null
          region?: string | null
          updated_at?: string
        }
        Update: {
          access_notes?: string | null
          address_line1?: string
          address_line2?: string | null
          archived_at?: string | null
          city?: string | null
          confirmed_at?: string | null
          created_at?: string
          customer_id?: string
          id?: string
          is_primary?: boolean
          label?: string
          latitude?: number | null
          longitude?: number | null
          organization_id?: string
          postal_code?: string | null
          region?: string | null
          updated_at?: string
        }
        Relationships: [
          {
            foreignKeyName: "properties_organization_id_customer_id_fkey"
            columns: ["organization_id", "customer_id"]
            isOneToOne: false
            referencedRelation: "customers"
            referencedColumns: ["organization_id", "id"]
          },
        ]
      }
      quote_line_items: {
        Row: {
          amount_cents: number
          created_at: string
          description: string
          id: string
          option_group: string | null
          optional: boolean
          position: number
          quantity: number
          quote_id: string
          selected: boolean
          service_id: string | null
          tax_rate_bps: number
          taxable: boolean
          unit_price_cents: number
        }
        Insert: {
          amount_cents?: number
          created_at?: string
          description: string
          id?: string
          option_group?: string | null
          optional?: boolean
          position?: number
          quantity?: number
          quote_id: string
          selected?: boolean
          service_id?: string | null
          tax_rate_bps?: number
          taxable?: boolean
          unit_price_cents: number
        }
        Update: {
          amount_cents?: number
          created_at?: string
          description?: string
          id?: string
          option_group?: string | null
          optional?: boolean
          position?: number
          quantity?: number
          quote_id?: string
          selected?: boolean
          service_id?: string | null
          tax_rate_bps?: number
          taxable?: boolean
          unit_price_cents?: number
        }
        Relationships: [
          {
            foreignKeyName: "quote_line_items_quote_id_fkey"
            columns: ["quote_id"]
            isOneToOne: false
            referencedRelation: "quotes"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "quote_line_items_service_id_fkey"
            columns: ["service_id"]
            isOneToOne: false
            referencedRelation: "services"
            referencedColumns: ["id"]
          },
        ]
      }
      quote_signatures: {
        Row: {
          customer_id: string
          id: string
          organization_id: string
          quote_id: string
          signature_png: string
          signed_at: string
          signed_by: string | null
          signer_name: string
          snapshot: NonNullable<Json>
          version: number
        }
        Insert: {
          customer_id: string
          id?: string
          organization_id: string
          quote_id: string
          signature_png: string
          signed_at?: string
          signed_by?: string | null
          signer_name: string
          snapshot: NonNullable<Json>
          version: number
        }
        Update: {
          customer_id?: string
          id?: string
          organization_id?: string
          quote_id?: string
          signature_png?: string
          signed_at?: string
          signed_by?: string | null
          signer_name?: string
          snapshot?: NonNullable<Json>
          version?: number
        }
        Relationships: [
          {
            foreignKeyName: "quote_signatures_organization_id_customer_id_fkey"
            columns: ["organization_id", "customer_id"]
            isOneToOne: false
            referencedRelation: "customers"
            referencedColumns: ["organization_id", "id"]
          },
          {
            foreignKeyName: "quote_signatures_quote_id_fkey"
            columns: ["quote_id"]
            isOneToOne: true
            referencedRelation: "quotes"
            referencedColumns: ["id"]
          },
        ]
      }
      quotes: {
        Row: {
          approved_at: string | null
          created_at: string
          customer_id: string
          decline_reason: string | null
          declined_at: string | null
          deposit_amount_cents: number | null
          deposit_cents: number
          deposit_paid_cents: number
          deposit_percent: number | null
          id: string
          invoice_id: string | null
          job_id: string | null
          notes: string | null
          number: string
          organization_id: string
          property_id: string | null
          sent_at: string | null
          status: Database["public"]["Enums"]["quote_status"]
          subtotal_cents: number
          tax_cents: number
          terms: string | null
          title: string
          total_cents: number
          updated_at: string
          valid_until: string | null
          version: number
          viewed_at: string | null
        }
        Insert: {
          approved_at?: string | null
          created_at?: string
          customer_id: string
          decline_reason?: string | null
          declined_at?: string | null
          deposit_amount_cents?: number | null
          deposit_cents?: number
          deposit_paid_cents?: number
          deposit_percent?: number | null
          id?: string
          invoice_id?: string | null
          job_id?: string | null
          notes?: string | null
          number?: string
          organization_id: string
          property_id?: string | null
          sent_at?: string | null
          status?: Database["public"]["Enums"]["quote_status"]
          subtotal_cents?: number
          tax_cents?: number
          terms?: string | null
          title: string
          total_cents?: number
          updated_at?: string
          valid_until?: string | null
          version?: number
          viewed_at?: string | null
        }
        Update: {
          approved_at?: string | null
          created_at?: string
          customer_id?: string
          decline_reason?: string | null
          declined_at?: string | null
          deposit_amount_cents?: number | null
          deposit_cents?: number
          deposit_paid_cents?: number
          deposit_percent?: number | null
          id?: string
          invoice_id?: string | null
          job_id?: string | null
          notes?: string | null
          number?: string
          organization_id?: string
          property_id?: string | null
          sent_at?: string | null
          status?: Database["public"]["Enums"]["quote_status"]
          subtotal_cents?: number
          tax_cents?: number
          terms?: string | null
          title?: string
          total_cents?: number
          updated_at?: string
          valid_until?: string | null
          version?: number
          viewed_at?: string | null
        }
        Relationships: [
          {
            foreignKeyName: "quotes_organization_id_customer_id_fkey"
            columns: ["organization_id", "customer_id"]
            isOneToOne: false
            referencedRelation: "customers"
            referencedColumns: ["organization_id", "id"]
          },
          {
            foreignKeyName: "quotes_organization_id_invoice_id_fkey"
            columns: ["organization_id", "invoice_id"]
            isOneToOne: false
            referencedRelation: "invoices"
            referencedColumns: ["organization_id", "id"]
          },
          {
            foreignKeyName: "quotes_organization_id_job_id_fkey"
            columns: ["organization_id", "job_id"]
            isOneToOne: false
            referencedRelation: "jobs"
            referencedColumns: ["organization_id", "id"]
          },
          {
            foreignKeyName: "quotes_property_fkey"
            columns: ["organization_id", "customer_id", "property_id"]
            isOneToOne: false
            referencedRelation: "properties"
            referencedColumns: ["organization_id", "customer_id", "id"]
          },
        ]
      }
      realtime_table_events: {
        Row: {
          created_at: string
          customer_id: string | null
          event_type: string
          id: number
          organization_id: string
          record_id: string
          table_name: string
        }
        Insert: {
          created_at?: string
          customer_id?: string | null
          event_type: string
          id?: never
          organization_id: string
          record_id: string
          table_name: string
        }
        Update: {
          created_at?: string
          customer_id?: string | null
          event_type?: string
          id?: never
          organization_id?: string
          record_id?: string
          table_name?: string
        }
        Relationships: []
      }
      reviews: {
        Row: {
          comment: string | null
          created_at: string
          customer_id: string
          id: string
          job_id: string
          organization_id: string
          rating: number | null
          submitted_at: string | null
          token_hash: string
        }
        Insert: {
          comment?: string | null
          created_at?: string
          customer_id: string
          id?: string
          job_id: string
          organization_id: string
          rating?: number | null
          submitted_at?: string | null
          token_hash: string
        }
        Update: {
          comment?: string | null
          created_at?: string
          customer_id?: string
          id?: string
          job_id?: string
          organization_id?: string
          rating?: number | null
          submitted_at?: string | null
          token_hash?: string
        }
        Relationships: [
          {
            foreignKeyName: "reviews_organization_id_customer_id_fkey"
            columns: ["organization_id", "customer_id"]
            isOneToOne: false
            referencedRelation: "customers"
            referencedColumns: ["organization_id", "id"]
          },
          {
            foreignKeyName: "reviews_organization_id_job_id_fkey"
            columns: ["organization_id", "job_id"]
            isOneToOne: false
            referencedRelation: "jobs"
            referencedColumns: ["organization_id", "id"]
          },
        ]
      }
      services: {
        Row: {
          active: boolean
          base_price_cents: number
          bookable_online: boolean
          checklist: string[]
          description: string | null
          duration_minutes: number
          id: string
          name: string
          organization_id: string
          taxable: boolean
          unit: string
        }
        Insert: {
          active?: boolean
          base_price_cents?: number
          bookable_online?: boolean
          checklist?: string[]
          description?: string | null
          duration_minutes?: number
          id?: string
          name: string
          organization_id: string
          taxable?: boolean
          unit?: string
        }
        Update: {
          active?: boolean
          base_price_cents?: number
          bookable_online?: boolean
          checklist?: string[]
          description?: string | null
          duration_minutes?: number
          id?: string
          name?: string
          organization_id?: string
          taxable?: boolean
          unit?: string
        }
        Relationships: [
          {
            foreignKeyName: "services_organization_id_fkey"
            columns: ["organization_id"]
            isOneToOne: false
            referencedRelation: "organizations"
            referencedColumns: ["id"]
          },
        ]
      }
      staff_digest_settings: {
        Row: {
          created_at: string
          frequency: string
          hour: number
          last_digest_at: string | null
          organization_id: string
          staff_member_id: string
          updated_at: string
        }
        Insert: {
          created_at?: string
          frequency?: string
          hour?: number
          last_digest_at?: string | null
          organization_id: string
          staff_member_id: string
          updated_at?: string
        }
        Update: {
          created_at?: string
          frequency?: string
          hour?: number
          last_digest_at?: string | null
          organization_id?: string
          staff_member_id?: string
          updated_at?: string
        }
        Relationships: [
          {
            foreignKeyName: "staff_digest_settings_organization_id_staff_member_id_fkey"
            columns: ["organization_id", "staff_member_id"]
            isOneToOne: false
            referencedRelation: "staff_members"
            referencedColumns: ["organization_id", "id"]
          },
        ]
      }
      staff_members: {
        Row: {
          active: boolean
          avatar_path: string | null
          created_at: string
          email: string | null
          full_name: string
          id: string
          invited_at: string | null
          joined_at: string | null
          organization_id: string
          phone: string | null
          role: Database["public"]["Enums"]["staff_role"]
          updated_at: string
          user_id: string | null
        }
        Insert: {
          active?: boolean
          avatar_path?: string | null
          created_at?: string
          email?: string | null
          full_name: string
          id?: string
          invited_at?: string | null
          joined_at?: string | null
          organization_id: string
          phone?: string | null
          role?: Database["public"]["Enums"]["staff_role"]
          updated_at?: string
          user_id?: string | null
        }
        Update: {
          active?: boolean
          avatar_path?: string | null
          created_at?: string
          email?: string | null
          full_name?: string
          id?: string
          invited_at?: string | null
          joined_at?: string | null
          organization_id?: string
          phone?: string | null
          role?: Database["public"]["Enums"]["staff_role"]
          updated_at?: string
          user_id?: string | null
        }
        Relationships: [
          {
            foreignKeyName: "staff_members_organization_id_fkey"
            columns: ["organization_id"]
            isOneToOne: false
            referencedRelation: "organizations"
            referencedColumns: ["id"]
          },
        ]
      }
      staff_notifications: {
        Row: {
          body: string | null
          created_at: string
          customer_id: string
          id: string
          kind: Database["public"]["Enums"]["staff_notification_kind"]
          organization_id: string
          read_at: string | null
          record_id: string
          record_table: string
          staff_member_id: string
          title: string
        }
        Insert: {
          body?: string | null
          created_at?: string
          customer_id: string
          id?: string
          kind: Database["public"]["Enums"]["staff_notification_kind"]
          organization_id: string
          read_at?: string | null
          record_id: string
          record_table: string
          staff_member_id: string
          title: string
        }
        Update: {
          body?: string | null
          created_at?: string
          customer_id?: string
          id?: string
          kind?: Database["public"]["Enums"]["staff_notification_kind"]
          organization_id?: string
          read_at?: string | null
          record_id?: string
          record_table?: string
          staff_member_id?: string
          title?: string
        }
        Relationships: [
          {
            foreignKeyName: "staff_notifications_organization_id_customer_id_fkey"
            columns: ["organization_id", "customer_id"]
            isOneToOne: false
            referencedRelation: "customers"
            referencedColumns: ["organization_id", "id"]
          },
          {
            foreignKeyName: "staff_notifications_organization_id_fkey"
            columns: ["organization_id"]
            isOneToOne: false
            referencedRelation: "organizations"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "staff_notifications_organization_id_staff_member_id_fkey"
            columns: ["organization_id", "staff_member_id"]
            isOneToOne: false
            referencedRelation: "staff_members"
            referencedColumns: ["organization_id", "id"]
          },
        ]
      }
      tax_rates: {
        Row: {
          active: boolean
          created_at: string
          id: string
          is_default: boolean
          name: string
          organization_id: string
          rate_bps: number
          updated_at: string
        }
        Insert: {
          active?: boolean
          created_at?: string
          id?: string
          is_default?: boolean
          name: string
          organization_id: string
          rate_bps: number
          updated_at?: string
        }
        Update: {
          active?: boolean
          created_at?: string
          id?: string
          is_default?: boolean
          name?: string
          organization_id?: string
          rate_bps?: number
          updated_at?: string
        }
        Relationships: [
          {
            foreignKeyName: "tax_rates_organization_id_fkey"
            columns: ["organization_id"]
            isOneToOne: false
            referencedRelation: "organizations"
            referencedColumns: ["id"]
          },
        ]
      }
      technician_services: {
        Row: {
          organization_id: string
          service_id: string
          staff_member_id: string
        }
        Insert: {
          organization_id: string
          service_id: string
          staff_member_id: string
        }
        Update: {
          organization_id?: string
          service_id?: string
          staff_member_id?: string
        }
        Relationships: [
          {
            foreignKeyName: "technician_services_organization_id_service_id_fkey"
            columns: ["organization_id", "service_id"]
            isOneToOne: false
            referencedRelation: "services"
            referencedColumns: ["organization_id", "id"]
          },
          {
            foreignKeyName: "technician_services_organization_id_staff_member_id_fkey"
            columns: ["organization_id", "staff_member_id"]
            isOneToOne: false
            referencedRelation: "staff_members"
            referencedColumns: ["organization_id", "id"]
          },
        ]
      }
      time_off: {
        Row: {
          created_at: string
          ends_at: string
          id: string
          organization_id: string
          reason: string | null
          staff_member_id: string
          starts_at: string
        }
        Insert: {
          created_at?: string
          ends_at: string
          id?: string
          organization_id: string
          reason?: string | null
          staff_member_id: string
          starts_at: string
        }
        Update: {
          created_at?: string
          ends_at?: string
          id?: string
          organization_id?: string
          reason?: string | null
          staff_member_id?: string
          starts_at?: string
        }
        Relationships: [
          {
            foreignKeyName: "time_off_organization_id_staff_member_id_fkey"
            columns: ["organization_id", "staff_member_id"]
            isOneToOne: false
            referencedRelation: "staff_members"
            referencedColumns: ["organization_id", "id"]
          },
        ]
      }
      working_hours: {
        Row: {
          ends_at: string
          id: string
          organization_id: string
          staff_member_id: string
          starts_at: string
          weekday: number
        }
        Insert: {
          ends_at: string
          id?: string
          organization_id: string
          staff_member_id: string
          starts_at: string
          weekday: number
        }
        Update: {
          ends_at?: string
          id?: string
          organization_id?: string
          staff_member_id?: string
          starts_at?: string
          weekday?: number
        }
        Relationships: [
          {
            foreignKeyName: "working_hours_organization_id_staff_member_id_fkey"
            columns: ["organization_id", "staff_member_id"]
            isOneToOne: false
            referencedRelation: "staff_members"
            referencedColumns: ["organization_id", "id"]
          },
        ]
      }
    }
    Views: {
      [_ in never]: never
    }
    Functions: {
      accept_staff_invitation: {
        Args: Record<PropertyKey, never>
        Returns: number
      }
      apply_field_job_status: {
        Args: {
          p_expected_status: Database["public"]["Enums"]["job_status"]
          p_expected_updated_at: string
          p_job_id: string
          p_key: string
          p_status: Database["public"]["Enums"]["job_status"]
        }
        Returns: Json
      }
      approve_quote: {
        Args: {
          p_quote_id: string
          p_selected_line_ids: string[]
          p_signature_png: string
          p_signer_name: string
          p_version: number
        }
        Returns: {
          approved_at: string | null
          created_at: string
          customer_id: string
          decline_reason: string | null
          declined_at: string | null
          deposit_amount_cents: number | null
          deposit_cents: number
          deposit_paid_cents: number
          deposit_percent: number | null
          id: string
          invoice_id: string | null
          job_id: string | null
          notes: string | null
          number: string
          organization_id: string
          property_id: string | null
          sent_at: string | null
          status: Database["public"]["Enums"]["quote_status"]
          subtotal_cents: number
          tax_cents: number
          terms: string | null
          title: string
          total_cents: number
          updated_at: string
          valid_until: string | null
          version: number
          viewed_at: string | null
        }
        SetofOptions: {
          from: "*"
          to: "quotes"
          isOneToOne: true
          isSetofReturn: false
        }
      }
      attach_payment_checkout: {
        Args: {
          p_payment_id: string
          p_provider: string
          p_reference: string
          p_url: string
        }
        Returns: {
          amount_cents: number
          check_number: string | null
          checkout_url: string | null
          created_at: string
          customer_id: string
          failure_message: string | null
          id: string
          invoice_id: string | null
          method: Database["public"]["Enums"]["payment_method"]
          note: string | null
          organization_id: string
          provider: string | null
          provider_reference: string | null
          provider_refund_reference: string | null
          quote_id: string | null
          received_at: string | null
          recorded_by: string | null
          refund_reason: string | null
          refunded_at: string | null
          refunded_by: string | null
          status: Database["public"]["Enums"]["payment_status"]
          tip_cents: number
          updated_at: string
        }
        SetofOptions: {
          from: "*"
          to: "payments"
          isOneToOne: true
          isSetofReturn: false
        }
      }
      available_slots: {
        Args: {
          p_days?: number
          p_from?: string
          p_job_id?: string
          p_service_id: string
        }
        Returns: {
          ends_at: string
          starts_at: string
          technicians: number
        }[]
      }
      book_appointment: {
        Args: {
          p_notes?: string
          p_property_id?: string
          p_service_id: string
          p_starts_at: string
        }
        Returns: {
          address: string | null
          cancellation_reason: string | null
          cancelled_at: string | null
          completed_at: string | null
          confirmed_at: string | null
          created_at: string
          customer_id: string
          id: string
          notes: string | null
          organization_id: string
          price_cents: number
          property_id: string | null
          reschedule_note: string | null
          reschedule_preferred_times: Json | null
          reschedule_requested_at: string | null
          scheduled_end: string
          scheduled_start: string
          service_id: string | null
          status: Database["public"]["Enums"]["job_status"]
          technician_id: string | null
          title: string
          updated_at: string
        }
        SetofOptions: {
          from: "*"
          to: "jobs"
          isOneToOne: true
          isSetofReturn: false
        }
      }
      can_manage_org: { Args: { org: string }; Returns: boolean }
      cancel_job: {
        Args: { p_job_id: string; p_reason?: string }
        Returns: {
          address: string | null
          cancellation_reason: string | null
          cancelled_at: string | null
          completed_at: string | null
          confirmed_at: string | null
          created_at: string
          customer_id: string
          id: string
          notes: string | null
          organization_id: string
          price_cents: number
          property_id: string | null
          reschedule_note: string | null
          reschedule_preferred_times: Json | null
          reschedule_requested_at: string | null
          scheduled_end: string
          scheduled_start: string
          service_id: string | null
          status: Database["public"]["Enums"]["job_status"]
          technician_id: string | null
          title: string
          updated_at: string
        }
        SetofOptions: {
          from: "*"
          to: "jobs"
          isOneToOne: true
          isSetofReturn: false
        }
      }
      check_customer_import: { Args: { p_import_id: string }; Returns: Json }
      claim_notifications: {
        Args: { p_as_of?: string; p_lease_seconds?: number; p_limit?: number }
        Returns: {
          attempts: number
          channel: Database["public"]["Enums"]["notification_channel"]
          created_at: string
          customer_id: string | null
          due_at: string
          event: Database["public"]["Enums"]["notification_event"]
          event_group: string
          id: string
          idempotency_key: string
          last_error: string | null
          locked_until: string | null
          max_attempts: number
          organization_id: string
          payload: NonNullable<Json>
          provider_message_id: string | null
          recipient: string
          record_id: string
          record_table: string
          sent_at: string | null
          staff_member_id: string | null
          status: Database["public"]["Enums"]["notification_status"]
          updated_at: string
        }[]
        SetofOptions: {
          from: "*"
          to: "notification_outbox"
          isOneToOne: false
          isSetofReturn: true
        }
      }
      collect_job_payment: {
        Args: {
          p_amount_cents?: number
          p_check_number?: string
          p_job_id: string
          p_method: Database["public"]["Enums"]["payment_method"]
          p_payment_id: string
          p_tip_cents?: number
        }
        Returns: {
          amount_cents: number
          check_number: string | null
          checkout_url: string | null
          created_at: string
          customer_id: string
          failure_message: string | null
          id: string
          invoice_id: string | null
          method: Database["public"]["Enums"]["payment_method"]
          note: string | null
          organization_id: string
          provider: string | null
          provider_reference: string | null
          provider_refund_reference: string | null
          quote_id: string | null
          received_at: string | null
          recorded_by: string | null
          refund_reason: string | null
          refunded_at: string | null
          refunded_by: string | null
          status: Database["public"]["Enums"]["payment_status"]
          tip_cents: number
          updated_at: string
        }
        SetofOptions: {
          from: "*"
          to: "payments"
          isOneToOne: true
          isSetofReturn: false
        }
      }
      commit_customer_import: { Args: { p_import_id: string }; Returns: Json }
      complete_notification: {
        Args: {
          p_attempt: number
          p_id: string
          p_provider_message_id?: string
        }
        Returns: boolean
      }
      confirm_job: {
        Args: { p_job_id: string }
        Returns: {
          address: string | null
          cancellation_reason: string | null
          cancelled_at: string | null
          completed_at: string | null
          confirmed_at: string | null
          created_at: string
          customer_id: string
          id: string
          notes: string | null
          organization_id: string
          price_cents: number
          property_id: string | null
          reschedule_note: string | null
          reschedule_preferred_times: Json | null
          reschedule_requested_at: string | null
          scheduled_end: string
          scheduled_start: string
          service_id: string | null
          status: Database["public"]["Enums"]["job_status"]
          technician_id: string | null
          title: string
          updated_at: string
        }
        SetofOptions: {
          from: "*"
          to: "jobs"
          isOneToOne: true
          isSetofReturn: false
        }
      }
      convert_quote_to_invoice: {
        Args: { p_quote_id: string }
        Returns: {
          amount_paid_cents: number
          balance_cents: number
          created_at: string
          customer_id: string
          discount_cents: number
          due_at: string | null
          id: string
          issued_at: string | null
          job_id: string | null
          notes: string | null
          number: string
          organization_id: string
          paid_at: string | null
          property_id: string | null
          status: Database["public"]["Enums"]["invoice_status"]
          subtotal_cents: number
          tax_cents: number
          tip_cents: number
          total_cents: number
          updated_at: string
        }
        SetofOptions: {
          from: "*"
          to: "invoices"
          isOneToOne: true
          isSetofReturn: false
        }
      }
      convert_quote_to_job: {
        Args: { p_quote_id: string }
        Returns: {
          address: string | null
          cancellation_reason: string | null
          cancelled_at: string | null
          completed_at: string | null
          confirmed_at: string | null
          created_at: string
          customer_id: string
          id: string
          notes: string | null
          organization_id: string
          price_cents: number
          property_id: string | null
          reschedule_note: string | null
          reschedule_preferred_times: Json | null
          reschedule_requested_at: string | null
          scheduled_end: string
          scheduled_start: string
          service_id: string | null
          status: Database["public"]["Enums"]["job_status"]
          technician_id: string | null
          title: string
          updated_at: string
        }
        SetofOptions: {
          from: "*"
          to: "jobs"
          isOneToOne: true
          isSetofReturn: false
        }
      }
      create_organization: {
        Args: {
          p_address?: string
          p_country_code?: string
          p_currency?: string
          p_email?: string
          p_name: string
          p_owner_name: string
          p_phone?: string
          p_timezone: string
        }
        Returns: {
          accent_color: string
          address: string | null
          booking_buffer_minutes: number
          booking_horizon_days: number
          booking_lead_hours: number
          booking_slot_step_minutes: number
          cancellation_notice_hours: number
          country_code: string
          created_at: string
          currency: string
          customers_may_cancel: boolean
          customers_may_confirm: boolean
          customers_may_reschedule: boolean
          email: string | null
          id: string
          instant_booking: boolean
          name: string
          next_invoice_number: number
          next_quote_number: number
          notify_by_email: boolean
          notify_by_sms: boolean
          online_booking: boolean
          phone: string | null
          points_per_dollar: number
          points_per_job: number
          public_review_url: string | null
          reminder_hours_before: number
          review_low_rating_threshold: number
          review_request_delay_hours: number
          review_requests_enabled: boolean
          settings_saved_at: string | null
          setup_completed_at: string | null
          slug: string
          sms_quiet_end: string
          sms_quiet_start: string
          technicians_add_custom_lines: boolean
          timezone: string
          unread_message_notify_minutes: number
          updated_at: string
        }
        SetofOptions: {
          from: "*"
          to: "organizations"
          isOneToOne: true
          isSetofReturn: false
        }
      }
      decline_quote: {
        Args: { p_quote_id: string; p_reason: string }
        Returns: {
          approved_at: string | null
          created_at: string
          customer_id: string
          decline_reason: string | null
          declined_at: string | null
          deposit_amount_cents: number | null
          deposit_cents: number
          deposit_paid_cents: number
          deposit_percent: number | null
          id: string
          invoice_id: string | null
          job_id: string | null
          notes: string | null
          number: string
          organization_id: string
          property_id: string | null
          sent_at: string | null
          status: Database["public"]["Enums"]["quote_status"]
          subtotal_cents: number
          tax_cents: number
          terms: string | null
          title: string
          total_cents: number
          updated_at: string
          valid_until: string | null
          version: number
          viewed_at: string | null
        }
        SetofOptions: {
          from: "*"
          to: "quotes"
          isOneToOne: true
          isSetofReturn: false
        }
      }
      enqueue_staff_digests: { Args: { p_now?: string }; Returns: number }
      expire_quotes: { Args: Record<PropertyKey, never>; Returns: number }
      fail_notification: {
        Args: {
          p_attempt: number
          p_error: string
          p_id: string
          p_permanent?: boolean
        }
        Returns: Database["public"]["Enums"]["notification_status"]
      }
      find_duplicate_customers: {
        Args: { p_email: string; p_organization_id: string; p_phone: string }
        Returns: {
          address_line1: string | null
          address_line2: string | null
          archived_at: string | null
          city: string | null
          created_at: string
          email: string | null
          first_name: string
          id: string
          last_name: string
          notification_preferences: NonNullable<Json>
          organization_id: string
          phone: string | null
          phone_digits: string | null
          portal_user_id: string | null
          postal_code: string | null
          region: string | null
          search_text: string | null
          source: string | null
          tags: string[]
          updated_at: string
        }[]
        SetofOptions: {
          from: "*"
          to: "customers"
          isOneToOne: false
          isSetofReturn: true
        }
      }
      is_staff_of: { Args: { org: string }; Returns: boolean }
      job_changes_by_others: {
        Args: { p_job_id: string; p_since: string }
        Returns: Json
      }
      loyalty_balance: { Args: { p_customer_id: string }; Returns: number }
      mark_overdue_invoices: {
        Args: Record<PropertyKey, never>
        Returns: number
      }
      mark_quote_viewed: {
        Args: { p_quote_id: string }
        Returns: {
          approved_at: string | null
          created_at: string
          customer_id: string
          decline_reason: string | null
          declined_at: string | null
          deposit_amount_cents: number | null
          deposit_cents: number
          deposit_paid_cents: number
          deposit_percent: number | null
          id: string
          invoice_id: string | null
          job_id: string | null
          notes: string | null
          number: string
          organization_id: string
          property_id: string | null
          sent_at: string | null
          status: Database["public"]["Enums"]["quote_status"]
          subtotal_cents: number
          tax_cents: number
          terms: string | null
          title: string
          total_cents: number
          updated_at: string
          valid_until: string | null
          version: number
          viewed_at: string | null
        }
        SetofOptions: {
          from: "*"
          to: "quotes"
          isOneToOne: true
          isSetofReturn: false
        }
      }
      mark_staff_notifications_read: {
        Args: { p_before?: string }
        Returns: number
      }
      my_customer_id: { Args: Record<PropertyKey, never>; Returns: string }
      my_customer_organization_id: {
        Args: Record<PropertyKey, never>
        Returns: string
      }
      my_staff_member_id: { Args: { org: string }; Returns: string }
      my_staff_member_ids: {
        Args: Record<PropertyKey, never>
        Returns: string[]
      }
      my_staff_organization_ids: {
        Args: { p_roles?: Database["public"]["Enums"]["staff_role"][] }
        Returns: string[]
      }
      notification_context: { Args: { p_id: string }; Returns: Json }
      provision_portal_user: {
        Args: { p_customer_id: string; p_user_id: string }
        Returns: {
          address_line1: string | null
          address_line2: string | null
          archived_at: string | null
          city: string | null
          created_at: string
          email: string | null
          first_name: string
          id: string
          last_name: string
          notification_preferences: NonNullable<Json>
          organization_id: string
          phone: string | null
          phone_digits: string | null
          portal_user_id: string | null
          postal_code: string | null
          region: string | null
          search_text: string | null
          source: string | null
          tags: string[]
          updated_at: string
        }
        SetofOptions: {
          from: "*"
          to: "customers"
          isOneToOne: true
          isSetofReturn: false
        }
      }
      prune_realtime_table_events: {
        Args: { p_older_than?: string }
        Returns: number
      }
      record_payment: {
        Args: {
          p_amount_cents: number
          p_invoice_id: string
          p_method: Database["public"]["Enums"]["payment_method"]
          p_note?: string
          p_received_at?: string
          p_tip_cents?: number
        }
        Returns: {
          amount_cents: number
          check_number: string | null
          checkout_url: string | null
          created_at: string
          customer_id: string
          failure_message: string | null
          id: string
          invoice_id: string | null
          method: Database["public"]["Enums"]["payment_method"]
          note: string | null
          organization_id: string
          provider: string | null
          provider_reference: string | null
          provider_refund_reference: string | null
          quote_id: string | null
          received_at: string | null
          recorded_by: string | null
          refund_reason: string | null
          refunded_at: string | null
          refunded_by: string | null
          status: Database["public"]["Enums"]["payment_status"]
          tip_cents: number
          updated_at: string
        }
        SetofOptions: {
          from: "*"
          to: "payments"
          isOneToOne: true
          isSetofReturn: false
        }
      }
      redeem_points:
        | {
            Args: {
              p_customer_id: string
              p_description?: string
              p_points: number
            }
            Returns: {
              created_at: string
              created_by: string | null
              customer_id: string
              description: string | null
              id: string
              job_id: string | null
              kind: Database["public"]["Enums"]["loyalty_kind"]
              organization_id: string
              points: number
              reward_id: string | null
            }
            SetofOptions: {
              from: "*"
              to: "loyalty_transactions"
              isOneToOne: true
              isSetofReturn: false
            }
          }
        | {
            Args: { p_customer_id: string; p_reward_id: string }
            Returns: {
              created_at: string
              created_by: string | null
              customer_id: string
              description: string | null
              id: string
              job_id: string | null
              kind: Database["public"]["Enums"]["loyalty_kind"]
              organization_id: string
              points: number
              reward_id: string | null
            }
            SetofOptions: {
              from: "*"
              to: "loyalty_transactions"
              isOneToOne: true
              isSetofReturn: false
            }
          }
      refund_payment: {
        Args: {
          p_payment_id: string
          p_provider_refund_reference?: string
          p_reason: string
        }
        Returns: {
          amount_cents: number
          check_number: string | null
          checkout_url: string | null
          created_at: string
          customer_id: string
          failure_message: string | null
          id: string
          invoice_id: string | null
          method: Database["public"]["Enums"]["payment_method"]
          note: string | null
          organization_id: string
          provider: string | null
          provider_reference: string | null
          provider_refund_reference: string | null
          quote_id: string | null
          received_at: string | null
          recorded_by: string | null
          refund_reason: string | null
          refunded_at: string | null
          refunded_by: string | null
          status: Database["public"]["Enums"]["payment_status"]
          tip_cents: number
          updated_at: string
        }
        SetofOptions: {
          from: "*"
          to: "payments"
          isOneToOne: true
          isSetofReturn: false
        }
      }
      request_reschedule: {
        Args: { p_job_id: string; p_note?: string; p_preferred_times: Json }
        Returns: {
          address: string | null
          cancellation_reason: string | null
          cancelled_at: string | null
          completed_at: string | null
          confirmed_at: string | null
          created_at: string
          customer_id: string
          id: string
          notes: string | null
          organization_id: string
          price_cents: number
          property_id: string | null
          reschedule_note: string | null
          reschedule_preferred_times: Json | null
          reschedule_requested_at: string | null
          scheduled_end: string
          scheduled_start: string
          service_id: string | null
          status: Database["public"]["Enums"]["job_status"]
          technician_id: string | null
          title: string
          updated_at: string
        }
        SetofOptions: {
          from: "*"
          to: "jobs"
          isOneToOne: true
          isSetofReturn: false
        }
      }
      reschedule_appointment: {
        Args: { p_job_id: string; p_starts_at: string }
        Returns: {
          address: string | null
          cancellation_reason: string | null
          cancelled_at: string | null
          completed_at: string | null
          confirmed_at: string | null
          created_at: string
          customer_id: string
          id: string
          notes: string | null
          organization_id: string
          price_cents: number
          property_id: string | null
          reschedule_note: string | null
          reschedule_preferred_times: Json | null
          reschedule_requested_at: string | null
          scheduled_end: string
          scheduled_start: string
          service_id: string | null
          status: Database["public"]["Enums"]["job_status"]
          technician_id: string | null
          title: string
          updated_at: string
        }
        SetofOptions: {
          from: "*"
          to: "jobs"
          isOneToOne: true
          isSetofReturn: false
        }
      }
      retry_notification: { Args: { p_id: string }; Returns: boolean }
      review_by_token: { Args: { p_token: string }; Returns: Json }
      revise_quote: {
        Args: { p_lines: Json; p_quote: Json; p_quote_id: string }
        Returns: {
          approved_at: string | null
          created_at: string
          customer_id: string
          decline_reason: string | null
          declined_at: string | null
          deposit_amount_cents: number | null
          deposit_cents: number
          deposit_paid_cents: number
          deposit_percent: number | null
          id: string
          invoice_id: string | null
          job_id: string | null
          notes: string | null
          number: string
          organization_id: string
          property_id: string | null
          sent_at: string | null
          status: Database["public"]["Enums"]["quote_status"]
          subtotal_cents: number
          tax_cents: number
          terms: string | null
          title: string
          total_cents: number
          updated_at: string
          valid_until: string | null
          version: number
          viewed_at: string | null
        }
        SetofOptions: {
          from: "*"
          to: "quotes"
          isOneToOne: true
          isSetofReturn: false
        }
      }
      schedule_conflicts: {
        Args: {
          p_ends_at: string
          p_job_id?: string
          p_starts_at: string
          p_technician_id: string
        }
        Returns: {
          job_id: string
          kind: string
          message: string
        }[]
      }
      search_customers: {
        Args: { p_organization_id: string; p_search: string }
        Returns: {
          address_line1: string | null
          address_line2: string | null
          archived_at: string | null
          city: string | null
          created_at: string
          email: string | null
          first_name: string
          id: string
          last_name: string
          notification_preferences: NonNullable<Json>
          organization_id: string
          phone: string | null
          phone_digits: string | null
          portal_user_id: string | null
          postal_code: string | null
          region: string | null
          search_text: string | null
          source: string | null
          tags: string[]
          updated_at: string
        }[]
        SetofOptions: {
          from: "*"
          to: "customers"
          isOneToOne: false
          isSetofReturn: true
        }
      }
      set_my_avatar: {
        Args: { p_organization_id: string; p_path?: string }
        Returns: {
          active: boolean
          avatar_path: string | null
          created_at: string
          email: string | null
          full_name: string
          id: string
          invited_at: string | null
          joined_at: string | null
          organization_id: string
          phone: string | null
          role: Database["public"]["Enums"]["staff_role"]
          updated_at: string
          user_id: string | null
        }
        SetofOptions: {
          from: "*"
          to: "staff_members"
          isOneToOne: true
          isSetofReturn: false
        }
      }
      set_working_hours: {
        Args: { p_shifts: Json; p_staff_member_id: string }
        Returns: {
          ends_at: string
          id: string
          organization_id: string
          staff_member_id: string
          starts_at: string
          weekday: number
        }[]
        SetofOptions: {
          from: "*"
          to: "working_hours"
          isOneToOne: false
          isSetofReturn: true
        }
      }
      settle_online_payment: {
        Args: {
          p_amount_cents?: number
          p_event_id: string
          p_event_type: string
          p_failure_message?: string
          p_payment_id: string
          p_provider: string
          p_reference?: string
          p_succeeded: boolean
        }
        Returns: string
      }
      staff_digest_items: {
        Args: { p_id: string }
        Returns: {
          body: string
          created_at: string
          id: string
          kind: Database["public"]["Enums"]["staff_notification_kind"]
          title: string
        }[]
      }
      staff_role_in: {
        Args: { org: string }
        Returns: Database["public"]["Enums"]["staff_role"]
      }
      start_job_card_payment: {
        Args: { p_job_id: string; p_payment_id: string }
        Returns: {
          amount_cents: number
          check_number: string | null
          checkout_url: string | null
          created_at: string
          customer_id: string
          failure_message: string | null
          id: string
          invoice_id: string | null
          method: Database["public"]["Enums"]["payment_method"]
          note: string | null
          organization_id: string
          provider: string | null
          provider_reference: string | null
          provider_refund_reference: string | null
          quote_id: string | null
          received_at: string | null
          recorded_by: string | null
          refund_reason: string | null
          refunded_at: string | null
          refunded_by: string | null
          status: Database["public"]["Enums"]["payment_status"]
          tip_cents: number
          updated_at: string
        }
        SetofOptions: {
          from: "*"
          to: "payments"
          isOneToOne: true
          isSetofReturn: false
        }
      }
      start_online_payment: {
        Args: {
          p_amount_cents: number
          p_invoice_id?: string
          p_payment_id: string
          p_quote_id?: string
          p_tip_cents?: number
        }
        Returns: {
          amount_cents: number
          check_number: string | null
          checkout_url: string | null
          created_at: string
          customer_id: string
          failure_message: string | null
          id: string
          invoice_id: string | null
          method: Database["public"]["Enums"]["payment_method"]
          note: string | null
          organization_id: string
          provider: string | null
          provider_reference: string | null
          provider_refund_reference: string | null
          quote_id: string | null
          received_at: string | null
          recorded_by: string | null
          refund_reason: string | null
          refunded_at: string | null
          refunded_by: string | null
          status: Database["public"]["Enums"]["payment_status"]
          tip_cents: number
          updated_at: string
        }
        SetofOptions: {
          from: "*"
          to: "payments"
          isOneToOne: true
          isSetofReturn: false
        }
      }
      submit_review: {
        Args: { p_comment?: string; p_rating: number; p_token: string }
        Returns: Json
      }
      unsubscribe_notifications: {
        Args: {
          p_channel: Database["public"]["Enums"]["notification_channel"]
          p_customer_id: string
          p_group: string
        }
        Returns: boolean
      }
      withdraw_notification: {
        Args: { p_attempt: number; p_id: string; p_reason: string }
        Returns: boolean
      }
    }
    Enums: {
      attachment_kind:
        | "before"
        | "after"
        | "photo"
        | "document"
        | "customer_upload"
      audit_action: "created" | "updated" | "deleted"
      audit_actor: "staff" | "customer" | "system"
      customer_import_row_status: "pending" | "imported" | "failed"
      customer_import_status: "staging" | "committed"
      invoice_status: "draft" | "sent" | "paid" | "overdue" | "void"
      job_status:
        | "requested"
        | "scheduled"
        | "confirmed"
        | "en_route"
        | "in_progress"
        | "completed"
        | "cancelled"
      loyalty_kind: "earned" | "redeemed" | "bonus" | "adjustment"
      message_sender: "staff" | "customer"
      notification_channel: "email" | "sms"
      notification_event:
        | "appointment_booked"
        | "appointment_confirmed"
        | "appointment_rescheduled"
        | "appointment_cancelled"
        | "appointment_reminder"
        | "quote_sent"
        | "invoice_sent"
        | "payment_receipt"
        | "payment_failed"
        | "technician_on_the_way"
        | "job_completed"
        | "message_unread"
        | "review_request"
        | "staff_digest"
      notification_status: "pending" | "sending" | "sent" | "dead" | "cancelled"
      payment_method: "card" | "cash" | "check" | "bank_transfer" | "other"
      payment_status: "pending" | "succeeded" | "failed" | "refunded"
      quote_status:
        | "draft"
        | "sent"
        | "viewed"
        | "approved"
        | "declined"
        | "expired"
      staff_notification_kind:
        | "job_cancelled"
        | "reschedule_requested"
        | "job_confirmed"
        | "points_redeemed"
        | "profile_updated"
        | "message_received"
        | "quote_approved"
        | "quote_declined"
        | "payment_received"
        | "property_added"
        | "booking_requested"
        | "job_rescheduled"
        | "low_rating"
      staff_role: "owner" | "admin" | "office" | "technician"
    }
    CompositeTypes: {
      [_ in never]: never
    }
  }
}

type DatabaseWithoutInternals = Omit<Database, "__InternalSupabase">

type DefaultSchema = DatabaseWithoutInternals[Extract<keyof Database, "public">]

export type Tables<
  DefaultSchemaTableNameOrOptions extends
    | keyof (DefaultSchema["Tables"] & DefaultSchema["Views"])
    | { schema: keyof DatabaseWithoutInternals },
  TableName extends (DefaultSchemaTableNameOrOptions extends {
    schema: keyof DatabaseWithoutInternals
  }
    ? keyof (DatabaseWithoutInternals[DefaultSchemaTableNameOrOptions["schema"]]["Tables"] &
        DatabaseWithoutInternals[DefaultSchemaTableNameOrOptions["schema"]]["Views"])
    : never) = never,
> = DefaultSchemaTableNameOrOptions extends {
  schema: keyof DatabaseWithoutInternals
}
  ? (DatabaseWithoutInternals[DefaultSchemaTableNameOrOptions["schema"]]["Tables"] &
      DatabaseWithoutInternals[DefaultSchemaTableNameOrOptions["schema"]]["Views"])[TableName] extends {
      Row: infer R
    }
    ? R
    : never
  : DefaultSchemaTableNameOrOptions extends keyof (DefaultSchema["Tables"] &
        DefaultSchema["Views"])
    ? (DefaultSchema["Tables"] &
        DefaultSchema["Views"])[DefaultSchemaTableNameOrOptions] extends {
        Row: infer R
      }
      ? R
      : never
    : never

export type TablesInsert<
  DefaultSchemaTableNameOrOptions extends
    | keyof DefaultSchema["Tables"]
    | { schema: keyof DatabaseWithoutInternals },
  TableName extends (DefaultSchemaTableNameOrOptions extends {
    schema: keyof DatabaseWithoutInternals
  }
    ? keyof DatabaseWithoutInternals[DefaultSchemaTableNameOrOptions["schema"]]["Tables"]
    : never) = never,
> = DefaultSchemaTableNameOrOptions extends {
  schema: keyof DatabaseWithoutInternals
}
  ? DatabaseWithoutInternals[DefaultSchemaTableNameOrOptions["schema"]]["Tables"][TableName] extends {
      Insert: infer I
    }
    ? I
    : never
  : DefaultSchemaTableNameOrOptions extends keyof DefaultSchema["Tables"]
    ? DefaultSchema["Tables"][DefaultSchemaTableNameOrOptions] extends {
        Insert: infer I
      }
      ? I
      : never
    : never

export type TablesUpdate<
  DefaultSchemaTableNameOrOptions extends
    | keyof DefaultSchema["Tables"]
    | { schema: keyof DatabaseWithoutInternals },
  TableName extends (DefaultSchemaTableNameOrOptions extends {
    schema: keyof DatabaseWithoutInternals
  }
    ? keyof DatabaseWithoutInternals[DefaultSchemaTableNameOrOptions["schema"]]["Tables"]
    : never) = never,
> = DefaultSchemaTableNameOrOptions extends {
  schema: keyof DatabaseWithoutInternals
}
  ? DatabaseWithoutInternals[DefaultSchemaTableNameOrOptions["schema"]]["Tables"][TableName] extends {
      Update: infer U
    }
    ? U
    : never
  : DefaultSchemaTableNameOrOptions extends keyof DefaultSchema["Tables"]
    ? DefaultSchema["Tables"][DefaultSchemaTableNameOrOptions] extends {
        Update: infer U
      }
      ? U
      : never
    : never

export type Enums<
  DefaultSchemaEnumNameOrOptions extends
    | keyof DefaultSchema["Enums"]
    | { schema: keyof DatabaseWithoutInternals },
  EnumName extends (DefaultSchemaEnumNameOrOptions extends {
    schema: keyof DatabaseWithoutInternals
  }
    ? keyof DatabaseWithoutInternals[DefaultSchemaEnumNameOrOptions["schema"]]["Enums"]
    : never) = never,
> = DefaultSchemaEnumNameOrOptions extends {
  schema: keyof DatabaseWithoutInternals
}
  ? DatabaseWithoutInternals[DefaultSchemaEnumNameOrOptions["schema"]]["Enums"][EnumName]
  : DefaultSchemaEnumNameOrOptions extends keyof DefaultSchema["Enums"]
    ? DefaultSchema["Enums"][DefaultSchemaEnumNameOrOptions]
    : never

export type CompositeTypes<
  PublicCompositeTypeNameOrOptions extends
    | keyof DefaultSchema["CompositeTypes"]
    | { schema: keyof DatabaseWithoutInternals },
  CompositeTypeName extends (PublicCompositeTypeNameOrOptions extends {
    schema: keyof DatabaseWithoutInternals
  }
    ? keyof DatabaseWithoutInternals[PublicCompositeTypeNameOrOptions["schema"]]["CompositeTypes"]
    : never) = never,
> = PublicCompositeTypeNameOrOptions extends {
  schema: keyof DatabaseWithoutInternals
}
  ? DatabaseWithoutInternals[PublicCompositeTypeNameOrOptions["schema"]]["CompositeTypes"][CompositeTypeName]
  : PublicCompositeTypeNameOrOptions extends keyof DefaultSchema["CompositeTypes"]
    ? DefaultSchema["CompositeTypes"][PublicCompositeTypeNameOrOptions]
    : never

export const Constants = {
  public: {
    Enums: {
      attachment_kind: [
        "before",
        "after",
        "photo",
        "document",
        "customer_upload",
      ],
      audit_action: ["created", "updated", "deleted"],
      audit_actor: ["staff", "customer", "system"],
      customer_import_row_status: ["pending", "imported", "failed"],
      customer_import_status: ["staging", "committed"],
      invoice_status: ["draft", "sent", "paid", "overdue", "void"],
      job_status: [
        "requested",
        "scheduled",
        "confirmed",
        "en_route",
        "in_progress",
        "completed",
        "cancelled",
      ],
      loyalty_kind: ["earned", "redeemed", "bonus", "adjustment"],
      message_sender: ["staff", "customer"],
      notification_channel: ["email", "sms"],
      notification_event: [
        "appointment_booked",
        "appointment_confirmed",
        "appointment_rescheduled",
        "appointment_cancelled",
        "appointment_reminder",
        "quote_sent",
        "invoice_sent",
        "payment_receipt",
        "payment_failed",
        "technician_on_the_way",
        "job_completed",
        "message_unread",
        "review_request",
        "staff_digest",
      ],
      notification_status: ["pending", "sending", "sent", "dead", "cancelled"],
      payment_method: ["card", "cash", "check", "bank_transfer", "other"],
      payment_status: ["pending", "succeeded", "failed", "refunded"],
      quote_status: [
        "draft",
        "sent",
        "viewed",
        "approved",
        "declined",
        "expired",
      ],
      staff_notification_kind: [
        "job_cancelled",
        "reschedule_requested",
        "job_confirmed",
        "points_redeemed",
        "profile_updated",
        "message_received",
        "quote_approved",
        "quote_declined",
        "payment_received",
        "property_added",
        "booking_requested",
        "job_rescheduled",
        "low_rating",
      ],
      staff_role: ["owner", "admin", "office", "technician"],
    },
  },
} as const

