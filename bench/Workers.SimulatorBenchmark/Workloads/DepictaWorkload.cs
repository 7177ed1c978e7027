using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace Workers.SimulatorBenchmark.Workloads;

/// <summary>Depicta two-scene stories on one key (its concurrent-request limit and balance raised).</summary>
internal sealed class DepictaWorkload : IWorkload
{
    public string Provider => "depicta";

    public IEnumerable<string> SimulatorArgs =>
        ["--Simulator:Depicta:MaxConcurrentRequests=100000", "--Simulator:Depicta:DefaultBalanceEur=1000000000"];

    public HttpRequestMessage Submit(int index) => Authorized(new HttpRequestMessage(HttpMethod.Post, "v1/generate/story")
    {
        Content = new StringContent(
            "{\"model\":\"depicta-story-1\",\"characters\":[{\"name\":\"Fox\",\"appearance\":\"a red fox\"}],"
            + $"\"scenes\":[{{\"prompt\":\"benchmark scene {index}\",\"characters\":[{{\"name\":\"Fox\"}}]}},{{\"prompt\":\"second scene\"}}]}}",
            Encoding.UTF8,
            "application/json"),
    });

    public string TaskId(int status, string body) =>
        status == 202
            ? JsonDocument.Parse(body).RootElement.GetProperty("job_id").GetString()!
            : throw new InvalidOperationException($"Depicta submit answered {status}: {body}");

    public HttpRequestMessage Poll(string taskId, int index) =>
        Authorized(new HttpRequestMessage(HttpMethod.Get, $"v1/jobs/{Uri.EscapeDataString(taskId)}"));

    private static HttpRequestMessage Authorized(HttpRequestMessage request)
    {
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", "dpct_benchmark");
        return request;
    }
}
