// The floor's database: opened once, the same upsert as the raw floor.
import { openFloorDatabase } from '../../../floor-db.js';

export const save = openFloorDatabase(process.env.DATABASE_PATH);
