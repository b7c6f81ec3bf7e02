ALTER TABLE "case_grid_stamps" ALTER COLUMN "grid_id" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "case_grid_stamps" ALTER COLUMN "grid_version" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "case_grid_stamps" ALTER COLUMN "grid_code" DROP NOT NULL;