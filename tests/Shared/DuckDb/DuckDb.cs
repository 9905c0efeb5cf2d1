using DuckDB.NET.Data;

namespace Mrfi.Tests;

/// <summary>Runs SQL over Parquet files with DuckDB and returns rows as object arrays.</summary>
internal static class DuckDb
{
    public static List<object?[]> Query(string sql)
    {
        using var connection = new DuckDBConnection("Data Source=:memory:");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var rows = new List<object?[]>();
        while (reader.Read())
        {
            var row = new object?[reader.FieldCount];
            for (int i = 0; i < row.Length; i++) row[i] = reader.IsDBNull(i) ? null : reader.GetValue(i);
            rows.Add(row);
        }
        return rows;
    }

    /// <summary>column name → DuckDB type, from DESCRIBE.</summary>
    public static Dictionary<string, string> Schema(string path) =>
        Query($"DESCRIBE SELECT * FROM read_parquet('{path}')").ToDictionary(r => (string)r[0]!, r => (string)r[1]!);
}
