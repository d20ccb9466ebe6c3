import { Migration } from '@mikro-orm/migrations';

/**
 * The carrier's public tracking page of each parcel (`Shipment.trackingUrl`), and an index to find
 * a shipment by its tracking number (EasyPost's tracker webhooks name the parcel by it).
 */
export class Migration0002TrackingUrl extends Migration {
  override async up(): Promise<void> {
    const schema = this.config.get('schema');
    this.addSql(`
      alter table "${schema}".shipment add column tracking_url text;
      create index shipment_tracking_number_idx on "${schema}".shipment (tracking_number) where tracking_number is not null;
    `);
  }

  override async down(): Promise<void> {
    const schema = this.config.get('schema');
    this.addSql(`
      drop index if exists "${schema}".shipment_tracking_number_idx;
      alter table "${schema}".shipment drop column if exists tracking_url;
    `);
  }
}
