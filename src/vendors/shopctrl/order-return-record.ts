import type { OrderReturnChanges, OrderReturnRowChanges, ReturnParameter, StockItemChanges } from './order-return-changes.js';
import type { ShopCtrlProduct } from './reference-data.js';
import type { OrderReturnStatus } from './statuses.js';

/** A stored OrderReturn: the JSON answer, with the server's ids and timestamps. */
export type OrderReturnRecord = Record<string, unknown> & { Id: number; OrderId: number };

/** The one `DataType` name the page shows; `DataTypeName` of another value is its number as text, as .NET's `Enum.ToString()` writes an undefined member. */
const DATA_TYPE_NAMES: Record<number, string> = { 0: 'String' };

/** `DataTypeName` of a parameter's `DataType`: 0 → `String`, another value → its number (`7` → `"7"`). */
export const dataTypeName = (dataType: number): string => DATA_TYPE_NAMES[dataType] ?? String(dataType);

/** Keeps the keys of `value` in `order` and drops those whose value is `undefined`. */
function ordered(value: Record<string, unknown>, order: readonly string[]): Record<string, unknown> {
  const result: Record<string, unknown> = {};
  for (const key of order) if (value[key] !== undefined) result[key] = value[key];
  return result;
}

const ROW_ORDER = [
  'Id',
  'OrderRowId',
  'ProductCode',
  'ProductName',
  'Comment',
  'CustomerComment',
  'ReturnedQuantity',
  'ApprovedQuantity',
  'Resolution',
  'ReturnReasonId',
  'MainReturnRowStatusId',
  'ReturnConditionId',
  'ProductSelectionProductId',
  'SupplierName',
  'CustomReturnRowStatusId',
  'StockItems',
] as const;
const STOCK_ITEM_ORDER = ['Id', 'ProductId', 'LotNumber', 'ExpiryDate', 'SerialNumber'] as const;
const PARAM_ORDER = ['Key', 'Value', 'DataType', 'DataTypeName'] as const;
/** The page's JSON sample lists the object properties first, its XML sample the scalar ones: each answer follows its sample. */
const JSON_ORDER = [
  'CustomStatus',
  'CustomerComment',
  'MainStatus',
  'OrderReturnRows',
  'Params',
  'ChangedTimestamp',
  'CreatedTimestamp',
  'CustomStatusId',
  'Id',
  'MainStatusId',
  'OrderId',
  'ReceivedDate',
  'ClosedTimestamp',
  'FollowUpTimestamp',
  'ReturnCode',
  'WarehouseId',
] as const;
const XML_ORDER = [
  'ChangedTimestamp',
  'CreatedTimestamp',
  'CustomStatusId',
  'Id',
  'MainStatusId',
  'OrderId',
  'ReceivedDate',
  'ClosedTimestamp',
  'FollowUpTimestamp',
  'ReturnCode',
  'WarehouseId',
  'CustomStatus',
  'CustomerComment',
  'MainStatus',
  'OrderReturnRows',
  'Params',
] as const;

/** Server-side values of a new return: its ids (from sequences), timestamp, statuses and each row's product. */
export interface AssignedValues {
  id: number;
  rowId: () => number;
  stockItemId: () => number;
  timestamp: string;
  main: { id?: number; status?: OrderReturnStatus };
  custom: { id?: number; status?: OrderReturnStatus };
  productOfRow: (row: OrderReturnRowChanges) => ShopCtrlProduct;
}

function returnRow(row: OrderReturnRowChanges, values: AssignedValues): Record<string, unknown> {
  const product = values.productOfRow(row);
  const stockItems = row.StockItems?.map((item: StockItemChanges) => ordered({ ...item, Id: values.stockItemId(), ProductId: item.ProductId ?? product.Id }, STOCK_ITEM_ORDER));
  return ordered(
    {
      ...row,
      Id: values.rowId(),
      ProductCode: row.ProductCode ?? product.Code,
      ProductName: row.ProductName ?? product.Name,
      SupplierName: row.SupplierName ?? product.SupplierName,
      Resolution: row.Resolution ?? 0,
      StockItems: stockItems,
    },
    ROW_ORDER,
  );
}

const parameter = (param: ReturnParameter) => ordered({ ...param, DataType: param.DataType ?? 0, DataTypeName: dataTypeName(param.DataType ?? 0) }, PARAM_ORDER);

/** The OrderReturn a request creates, in the JSON sample's property order: the request's fields echoed, the server's filled in. */
export function buildOrderReturn(changes: OrderReturnChanges, values: AssignedValues): OrderReturnRecord {
  const record = {
    ...changes,
    Id: values.id,
    CreatedTimestamp: values.timestamp,
    ChangedTimestamp: values.timestamp,
    MainStatusId: values.main.id,
    MainStatus: values.main.status,
    CustomStatusId: values.custom.id,
    CustomStatus: values.custom.status,
    OrderReturnRows: changes.OrderReturnRows?.map((row) => returnRow(row, values)),
    Params: changes.Params?.map(parameter),
  };
  return ordered(record, JSON_ORDER) as OrderReturnRecord;
}

/** The answer for a media type: XML follows the XML sample's element order and has no `DataTypeName` (JSON-only, per the page). */
export function orderReturnAnswer(record: OrderReturnRecord, mediaType: string | undefined): Record<string, unknown> {
  if (mediaType === undefined || !/xml/i.test(mediaType)) return record;
  const params = Array.isArray(record.Params) ? record.Params.map(({ DataTypeName: _name, ...param }: Record<string, unknown>) => param) : undefined;
  return ordered({ ...record, Params: params }, XML_ORDER);
}
