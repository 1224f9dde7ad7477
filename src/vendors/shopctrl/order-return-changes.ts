/** A stock item of a return row as the request gives it. */
export interface StockItemChanges {
  Id?: number;
  ProductId?: number;
  LotNumber?: string;
  ExpiryDate?: string;
  SerialNumber?: string;
}

/** A return row as the request gives it (the spec's `OrderReturnRow`). */
export interface OrderReturnRowChanges {
  Id?: number;
  OrderRowId?: number;
  ProductCode?: string;
  ProductName?: string;
  Comment?: string;
  CustomerComment?: string;
  ReturnedQuantity?: number;
  ApprovedQuantity?: number;
  Resolution?: number;
  ReturnReasonId?: number;
  MainReturnRowStatusId?: number;
  ReturnConditionId?: number;
  ProductSelectionProductId?: number;
  SupplierName?: string;
  CustomReturnRowStatusId?: number;
  StockItems?: StockItemChanges[];
}

/** A parameter of the return. */
export interface ReturnParameter {
  Key?: string;
  Value?: string;
  DataType?: number;
  DataTypeName?: string;
}

/** The request body (the spec's `OrderReturnChanges`), already valid: `Id` is 0. */
export interface OrderReturnChanges {
  CustomerComment?: string;
  OrderReturnRows?: OrderReturnRowChanges[];
  Params?: ReturnParameter[];
  CustomStatusId?: number;
  Id?: 0;
  MainStatusId?: number;
  OrderId: number;
  ReceivedDate?: string;
  ClosedTimestamp?: string;
  FollowUpTimestamp?: string;
  ReturnCode: string;
  WarehouseId?: number;
}
