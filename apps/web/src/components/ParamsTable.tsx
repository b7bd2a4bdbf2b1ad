/** Parameters of a call to Aflite, as sent (the server has already redacted the API key). */
export function ParamsTable({ params }: { params: Record<string, string> }) {
  const entries = Object.entries(params);
  if (!entries.length) return null;
  return (
    <table className="table table-compact params-table">
      <caption className="visually-hidden">Parameters sent</caption>
      <thead>
        <tr>
          <th scope="col">Parameter</th>
          <th scope="col">Value</th>
        </tr>
      </thead>
      <tbody>
        {entries.map(([name, value]) => (
          <tr key={name}>
            <th scope="row" className="cell-mono">
              {name}
            </th>
            <td className="cell-mono cell-break">{value}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
