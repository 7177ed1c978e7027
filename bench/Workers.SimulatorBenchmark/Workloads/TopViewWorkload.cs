using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace Workers.SimulatorBenchmark.Workloads;

/// <summary>TopView storyboard tasks on one uid (its unfinished-task guard raised so every submit is accepted).</summary>
internal sealed class TopViewWorkload : IWorkload
{
    public string Provider => "topview";

    public IEnumerable<string> SimulatorArgs =>
        ["--Simulator:TopView:MaxUnfinishedTasksPerUid=1000000000", "--Simulator:TopView:StartingCredits=1000000000"];

    public HttpRequestMessage Submit(int index) => Authorized(new HttpRequestMessage(HttpMethod.Post, "v1/common_task/storyboard/task/submit")
    {
        Content = new StringContent(
            $"{{\"story\":\"benchmark story {index}\",\"model\":\"Nano Banana Pro\",\"resolution\":\"1K\"}}",
            Encoding.UTF8,
            "application/json"),
    });

    public string TaskId(int status, string body)
    {
        var root = JsonDocument.Parse(body).RootElement;
        return status == 200 && root.GetProperty("code").GetString() == "200"
            ? root.GetProperty("result").GetProperty("taskId").GetString()!
            : throw new InvalidOperationException($"TopView submit answered {status}: {body}");
    }

    public HttpRequestMessage Poll(string taskId, int index) =>
        Authorized(new HttpRequestMessage(HttpMethod.Get, $"v1/common_task/storyboard/task/query?taskId={Uri.EscapeDataString(taskId)}"));

    private static HttpRequestMessage Authorized(HttpRequestMessage request)
    {
        request.Headers.Add("Topview-Uid", "benchmark-uid");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", "benchmark-key");
        return request;
    }
}
